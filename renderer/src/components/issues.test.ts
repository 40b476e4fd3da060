import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/contract'
import { asErrorData, issueLocation, issuesOf } from './issues'

describe('issues', () => {
  it('names where a CSV problem is as file:line:column (field)', () => {
    expect(issueLocation({ file: 'a.csv', line: 12, column: 3, field: 'close', message: 'x' })).toBe('a.csv:12:3 (close)')
    expect(issueLocation({ file: 'a.csv', line: 0, message: 'x' })).toBe('a.csv')
  })
  it('reads issues from CSV_INVALID details', () => {
    const issue = { file: 'a.csv', line: 2, message: 'bad date' }
    expect(issuesOf({ code: 'CSV_INVALID', message: 'm', details: { issues: [issue] } })).toEqual([issue])
    expect(issuesOf({ code: 'CSV_INVALID', message: 'm', details: issue })).toEqual([issue])
    expect(issuesOf({ code: 'INTERNAL', message: 'm' })).toEqual([])
  })
  it('keeps an AppError code and makes anything else INTERNAL', () => {
    expect(asErrorData(new AppError('NOT_FOUND', 'gone'))).toMatchObject({ code: 'NOT_FOUND', message: 'gone' })
    expect(asErrorData(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' })
  })
})
