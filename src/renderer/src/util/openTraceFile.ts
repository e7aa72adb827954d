// Opens a trace file the user picked or dropped. In serve mode the file goes to the host as an
// HTTP body, streamed by the browser from disk (the page's thread never holds its text: an
// 18 MB trace sent as a WebSocket call held one frame for ~300 ms); through the Electron API it
// is read here (gzip unpacked with DecompressionStream) and passed as text.
import type { PoolScopeApi, RunInfo } from '../../../shared/api'
import { MAX_TRACE_CHARS } from '../../../shared/api'
import { fetchOk } from './fetchOk'
import { readCappedText } from './readCappedText'

export interface TraceFile {
  fileName: string
  content: string
}

export async function readTraceFile(file: File): Promise<TraceFile> {
  if (file.name.endsWith('.gz') && typeof DecompressionStream !== 'undefined') {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip'))
    return { fileName: file.name, content: await readCappedText(stream, MAX_TRACE_CHARS) }
  }
  return { fileName: file.name, content: await file.text() }
}

/** The opened run; errors name the file (the host's already do). */
export async function openTraceFile(api: PoolScopeApi, file: File): Promise<RunInfo> {
  if (!api.openUrl) {
    const read = await readTraceFile(file).catch((e: Error) => {
      throw new Error(`${file.name}: ${e.message}`)
    })
    return api.openTrace(read)
  }
  const res = await fetchOk(api.openUrl(file.name), { method: 'POST', body: file })
  return (await res.json()) as RunInfo
}
