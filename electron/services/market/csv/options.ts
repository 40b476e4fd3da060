import { z } from 'zod'
import { AppError, type CsvOptions, type DateFormat } from '../../../contract'
import { csvOptions } from '../../../contract/imports'

/** CsvOptions as callers write them: the date format may be left out ('auto'). */
export type CsvOptionsInput = Omit<CsvOptions, 'dateFormat'> & { dateFormat?: DateFormat }

export type ImportCsvInput = CsvOptionsInput & { datasetName: string; jobId?: string }

const importSchema = csvOptions.extend({ datasetName: z.string().trim().min(1).max(100), jobId: z.string().max(100).optional() })

function validation(error: z.ZodError): AppError {
  const first = error.issues[0]
  return new AppError('VALIDATION', `${first ? `${first.path.join('.') || 'input'}: ${first.message}` : 'invalid input'}`, {
    issues: error.issues,
  })
}

/** Validates (and defaults) options that may not have come through the router's schema check. */
export function parseCsvOptions(input: CsvOptionsInput): CsvOptions {
  const r = csvOptions.safeParse(input)
  if (!r.success) throw validation(r.error)
  return r.data
}

export function parseImportOptions(input: ImportCsvInput): z.output<typeof importSchema> {
  const r = importSchema.safeParse(input)
  if (!r.success) throw validation(r.error)
  return r.data
}
