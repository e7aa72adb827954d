// The host's trace routes as the page reaches them, the same on every face: relative to the
// page (http://127.0.0.1:PORT in serve mode, poolscope://app in Electron), with the page's
// token where it has one (serve mode's address carries it; the token is never a cookie, which
// every port of the host would share).
import type { TraceFormat } from '../../../shared/api'
import { EXPORT_PATH, OPEN_PATH, TOKEN_PARAM } from '../../../shared/routes'

/** The token in the page's own address, if any. */
export function pageToken(location: Pick<Location, 'search'> = window.location): string | null {
  return new URLSearchParams(location.search).get(TOKEN_PARAM)
}

function withToken(path: string, params: Record<string, string>, token: string | null): string {
  const query = new URLSearchParams(params)
  if (token) query.set(TOKEN_PARAM, token)
  return `${path}?${query}`
}

/** Where an ended run's trace downloads from (GET, or HEAD to check it first). */
export function exportUrl(runId: string, format: TraceFormat, token = pageToken()): string {
  return withToken(EXPORT_PATH, { run: runId, format }, token)
}

/** Where a trace file is posted to be opened. */
export function openUrl(fileName: string, token = pageToken()): string {
  return withToken(OPEN_PATH, { name: fileName }, token)
}
