// Opens a trace file the user picked or dropped, the same way on every face: the file is posted
// to the host's open route as the request body, streamed from disk by the browser (serve mode)
// or by Electron's network stack (poolscope://), and read by the host with its limits. The
// page's thread never reads, unpacks or sends the file's text.
import type { RunInfo } from '../../../shared/api'
import { openUrl } from '../api/hostUrls'
import { fetchOk } from './fetchOk'

/** The opened run; errors are the host's words, which name the file. */
export async function openTraceFile(file: File): Promise<RunInfo> {
  const res = await fetchOk(openUrl(file.name), { method: 'POST', body: file })
  return (await res.json()) as RunInfo
}
