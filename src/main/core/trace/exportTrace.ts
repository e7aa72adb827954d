// The API's export: a run as a document in any format, as text pieces (serve mode streams them
// to a download; the Electron face's answer joins them). The CLI writes files with writeTrace.
import type { TraceFormat } from '../../../shared/api'
import type { TraceableRun } from './nativeTrace'
import { toNativeTrace } from './nativeTrace'
import { TRACE_EXTENSION, TRACE_MIME, traceText } from './traceFiles'

export interface ExportStream {
  fileName: string
  mime: string
  /** The document, a piece at a time (built as they are taken). */
  pieces: Iterable<string>
}

export function exportStream(run: TraceableRun, format: TraceFormat): ExportStream {
  const trace = toNativeTrace(run)
  return {
    fileName: `${trace.meta.scenario}-${run.id}${TRACE_EXTENSION[format]}`,
    mime: TRACE_MIME[format],
    pieces: traceText(trace, format)
  }
}
