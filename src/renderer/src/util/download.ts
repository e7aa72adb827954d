// Saves a file the browser way (a Blob behind a download link); Electron's renderer handles the
// same download. In serve mode a trace comes from the host's download URL as a Blob: the
// browser reads the response off the page's thread, and the page never holds it as text.
import type { PoolScopeApi, TraceFormat } from '../../../shared/api'
import { fetchOk } from './fetchOk'

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export interface SavedFile {
  fileName: string
  blob: Blob
}

/** An ended run's trace from whichever face: its download URL, or the API's answer. */
export async function exportedFile(
  api: PoolScopeApi,
  runId: string,
  format: TraceFormat
): Promise<SavedFile> {
  if (api.exportUrl) return fetchFile(api.exportUrl(runId, format))
  const { fileName, mime, content } = await api.exportRun({ runId, format })
  return { fileName, blob: new Blob([content], { type: mime }) }
}

/** A file from `url`: its name (Content-Disposition) and body; a failed answer's text is the
 *  error's message (the host says what is wrong). */
async function fetchFile(url: string): Promise<SavedFile> {
  const res = await fetchOk(url, { cache: 'no-store' })
  const disposition = res.headers.get('content-disposition') ?? ''
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'trace'
  return { fileName, blob: await res.blob() }
}
