/**
 * Expiry (last trading day) rules of futures contracts, as data: each spec in
 * resources/specs/contracts.json names one of these kinds with its parameters, so an import
 * without an expiry column can still place contracts on the curve. Tested against every
 * expiry of the sample (CL, NG, VX) in tests/services/curves-specs.test.ts.
 */
import { z } from 'zod'
import { businessDaysBefore, dayOf, isBusinessDay, isoOfDay, nthWeekday } from './calendar'

export const expiryRuleSchema = z.discriminatedUnion('kind', [
  /** `businessDays` business days before day `anchorDay` of the month `monthOffset` from the contract month (CL, NG). */
  z.object({
    kind: z.literal('businessDaysBeforeDay'),
    anchorDay: z.number().int().min(1).max(31),
    monthOffset: z.number().int().min(-2).max(1),
    businessDays: z.number().int().min(0).max(20),
    /** A non-business anchor first moves back to the business day before it (CL's 25th rule). */
    anchorToBusinessDay: z.boolean(),
    /** Business-day calendar: 'nymex' for NYMEX energy (see calendar.ts), else the US exchange calendar. */
    calendar: z.enum(['us', 'nymex']).default('us'),
  }),
  /** The n-th last business day of the contract month (GC: 3rd last). */
  z.object({ kind: z.literal('nthLastBusinessDay'), n: z.number().int().min(1).max(10) }),
  /** The n-th weekday of the contract month, or the business day before it when that is a holiday (ES, NQ, YM). */
  z.object({ kind: z.literal('nthWeekday'), weekday: z.number().int().min(0).max(6), n: z.number().int().min(1).max(5) }),
  /** `businessDays` business days before the n-th weekday of the contract month (E6: 2 before the 3rd Wednesday). */
  z.object({
    kind: z.literal('businessDaysBeforeNthWeekday'),
    weekday: z.number().int().min(0).max(6),
    n: z.number().int().min(1).max(5),
    businessDays: z.number().int().min(0).max(20),
  }),
  /** VIX futures: the Wednesday 30 days before the 3rd Friday of the following month (holiday rules in `vixExpiry`). */
  z.object({ kind: z.literal('vix') }),
])
export type ExpiryRule = z.infer<typeof expiryRuleSchema>

/** Year and month `offset` months from (year, month). */
function shiftMonth(year: number, month: number, offset: number): [number, number] {
  const m = year * 12 + (month - 1) + offset
  return [Math.floor(m / 12), (m % 12) + 1]
}

/**
 * VX: 30 days before the 3rd Friday of the next month — or before the business day preceding
 * that Friday when it is a holiday; a holiday Wednesday moves to the business day before it.
 */
function vixExpiry(year: number, month: number): number {
  const [y, m] = shiftMonth(year, month, 1)
  let friday = nthWeekday(y, m, 5, 3)
  if (!isBusinessDay(friday)) friday = businessDaysBefore(friday, 1)
  return businessDaysBefore(friday - 30, 0)
}

/** The expiry day number of the contract of (year, month) under `rule`. */
export function expiryDay(rule: ExpiryRule, year: number, month: number): number {
  switch (rule.kind) {
    case 'businessDaysBeforeDay': {
      const [y, m] = shiftMonth(year, month, rule.monthOffset)
      const cal = rule.calendar ?? 'us'
      let anchor = dayOf(y, m, rule.anchorDay)
      if (rule.anchorToBusinessDay && !isBusinessDay(anchor, cal)) anchor = businessDaysBefore(anchor, 1, cal)
      return businessDaysBefore(anchor, rule.businessDays, cal)
    }
    case 'nthLastBusinessDay': {
      const afterLast = dayOf(year, month + 1, 1)
      return businessDaysBefore(afterLast, rule.n)
    }
    case 'nthWeekday':
      return businessDaysBefore(nthWeekday(year, month, rule.weekday, rule.n), 0)
    case 'businessDaysBeforeNthWeekday':
      return businessDaysBefore(nthWeekday(year, month, rule.weekday, rule.n), rule.businessDays)
    case 'vix':
      return vixExpiry(year, month)
  }
}

/** 'YYYY-MM-DD' expiry of the contract of (year, month). */
export function expiryOf(rule: ExpiryRule, year: number, month: number): string {
  return isoOfDay(expiryDay(rule, year, month))
}
