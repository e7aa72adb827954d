import type { ApiErrorInfo } from '../../../shared/api'

/** An error a face reports to its caller as it is (bad input, unknown run, failure). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorInfo['code'],
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function toApiErrorInfo(err: unknown): ApiErrorInfo {
  if (err instanceof ApiError) return { code: err.code, message: err.message }
  return { code: 'failed', message: err instanceof Error ? err.message : String(err) }
}
