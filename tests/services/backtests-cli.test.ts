import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli'
import { tempDir } from './helpers/temp'

// `alphadesk backtest` from source in its own process, on the bundled sample (imported on first use).
const dir = tempDir('backtests-cli')
afterAll(() => dir.remove())
const data = ['--data-dir', dir.path, '--dataset', 'spx_1min', '--symbol', 'SPX']

describe('alphadesk backtest', () => {
  it('one set: a trades CSV with ISO times and named exit reasons; a sweep: one row per set', () => {
    const out = join(dir.path, 'trades.csv')
    const r = cli(
      'backtest',
      ...data,
      '--long',
      'close > delay(ts_max(high, 15), 1)',
      '--short',
      'close < delay(ts_min(low, 15), 1)',
      '--sl',
      '2',
      '--tp',
      '3',
      '--unit',
      'price',
      '--tie',
      'nearest',
      '--max-hold',
      '30',
      '--out',
      out,
    )
    expect(r.err + r.out).toMatch(/trades/)
    expect(r.code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toBe(
      'signal_time,direction,entry_time,entry_price,exit_time,exit_price,exit_reason,bars_held,pnl_ticks,pnl_money,mae_ticks,mfe_ticks,sl_price,tp_price',
    )
    expect(lines.length).toBeGreaterThan(10)
    for (const line of lines.slice(1)) {
      const cells = line.split(',')
      expect(cells[0]).toMatch(/^2019-11-0\dT\d\d:\d\d:00Z$/)
      expect(['1', '-1']).toContain(cells[1])
      expect(['sl', 'tp', 'time', 'end', 'ambiguous-sl', 'ambiguous-tp']).toContain(cells[6])
      expect(Number(cells[7])).toBeLessThanOrEqual(30)
    }

    const signals = join(dir.path, 'signals.csv')
    writeFileSync(signals, 'time,direction\n2019-11-05T10:00:00,1\n2019-11-06 11:30,short\n2019-11-07T12:00:00Z,-1\n')
    const sets = join(dir.path, 'sets.csv')
    const s = cli(
      'backtest',
      ...data,
      '--signals',
      signals,
      '--sweep',
      'sl=0.5:5:0.5,tp=1:4:1',
      '--unit',
      'price',
      '--overlap',
      '--out',
      sets,
    )
    expect(s.code, s.err).toBe(0)
    const rows = readFileSync(sets, 'utf8').trim().split('\n')
    expect(rows[0].startsWith('sl,tp,trades,win_rate,profit_factor,expectancy,net_pnl,max_drawdown,sharpe,exposure,ambiguous')).toBe(true)
    expect(rows).toHaveLength(1 + 10 * 4)
    expect(rows[1].split(',').slice(0, 3)).toEqual(['0.5', '1', '3'])
  })

  it('cost flags override the root spec: P&L in money is ticks × tick value less two commissions, slippage costs two ticks', () => {
    const run = (name: string, costs: string[]) => {
      const out = join(dir.path, name)
      const args = ['--long', 'close > delay(ts_max(high, 15), 1)', '--sl', '8', '--tp', '12', '--max-hold', '30', '--out', out]
      const r = cli('backtest', ...data, ...args, ...costs)
      expect(r.code, r.err).toBe(0)
      const rows = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
      return { log: r.out, rows }
    }
    const free = run('free.csv', ['--tick-size', '0.25', '--tick-value', '12.5', '--commission', '0', '--slippage', '0'])
    const costly = run('costly.csv', ['--tick-size', '0.25', '--tick-value', '12.5', '--commission', '2.5', '--slippage', '1'])
    expect(costly.log).toMatch(/tick 0\.25 = 12\.5, commission 2\.5 and slippage 1 ticks per side/)
    expect(costly.rows.length).toBeGreaterThan(5)
    expect(costly.rows.map((r) => r[4])).toEqual(free.rows.map((r) => r[4])) // the same exits
    costly.rows.forEach((r, i) => {
      const [ticks, money] = [Number(r[8]), Number(r[9])]
      expect(ticks).toBeCloseTo(Number(free.rows[i][8]) - 2, 9)
      expect(money).toBeCloseTo(ticks * 12.5 - 5, 6)
      expect(Number(free.rows[i][9])).toBeCloseTo(Number(free.rows[i][8]) * 12.5, 6)
    })
  })

  it('bad input: clear errors naming the flag, the line or the field; nothing written', () => {
    const out = join(dir.path, 'never.csv')
    const signals = join(dir.path, 'bad.csv')
    writeFileSync(signals, 'time,direction\n2019-11-05T10:00:30,1\n')
    const cases: [string[], RegExp][] = [
      [['--signals', signals, '--sl', '1', '--tp', '2'], /bad\.csv line 2: signal time 2019-11-05T10:00:30Z is not a bar time/],
      [['--long', 'close > 1', '--sl=-1', '--tp', '2'], /sl\.from.*> 0/],
      [['--long', 'close > 1', '--sl', '1', '--tp', '2', '--unit', 'bps'], /--unit must be one of ticks, price, pct, atr/],
      [['--long', 'close > 1', '--sl', '1', '--tp', '2', '--tie', 'first'], /--tie must be one of stop, target, nearest/],
      [['--long', 'close > 1', '--sweep', 'sl=1:5', '--tp', '2'], /--sweep/],
      [['--long', 'close > 1', '--sl', '1', '--tp', '2', '--commission=-1'], /costs\.commission/],
      [['--long', 'close > 1', '--sl', '1', '--tp', '2', '--tick-size', 'abc'], /--tick-size: expected a number, got 'abc'/],
    ]
    for (const [args, message] of cases) {
      const r = cli('backtest', ...data, ...args, '--out', out)
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.err, args.join(' ')).toMatch(message)
    }
    const r = cli(
      'backtest',
      '--data-dir',
      dir.path,
      '--dataset',
      'spx_1min',
      '--symbol',
      'NOPE',
      '--long',
      'close > 1',
      '--sl',
      '1',
      '--tp',
      '2',
      '--out',
      out,
    )
    expect(r.err).toMatch(/symbol: no instrument 'NOPE'/)
    expect(() => readFileSync(out)).toThrow()
  })
})
