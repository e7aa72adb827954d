// An ended run's trace, the same way on every face: the host is asked first (HEAD: a refusal's
// text is the error), then the page follows the export link as a download. The page never holds
// the trace: a browser streams it to disk (serve mode); Electron's main process asks where to
// save it and writes it there itself (the poolscope:// scheme).
import type { TraceFormat } from '../../../shared/api'
import { exportUrl } from '../api/hostUrls'
import { fetchOk } from './fetchOk'

/** Starts the download; resolves to the file name the host gave it. */
export async function downloadTrace(runId: string, format: TraceFormat): Promise<string> {
  const url = exportUrl(runId, format)
  const head = await fetchOk(url, { method: 'HEAD', cache: 'no-store' })
  const fileName = fileNameOf(head)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  return fileName
}

/** The trace's bytes, for a page that must hand them on itself (Open in Perfetto). */
export async function traceBytes(runId: string, format: TraceFormat): Promise<ArrayBuffer> {
  return (await fetchOk(exportUrl(runId, format), { cache: 'no-store' })).arrayBuffer()
}

function fileNameOf(res: Response): string {
  const disposition = res.headers.get('content-disposition') ?? ''
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'trace'
}
