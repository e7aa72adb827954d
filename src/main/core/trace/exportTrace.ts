// The API's export: a run as one text document in any format (the browser download path; the
// CLI writes files with writeTrace instead).
import type { ExportedTrace, TraceFormat } from '../../../shared/api'
import type { TraceableRun } from './nativeTrace'
import { toNativeTrace } from './nativeTrace'
import { TRACE_EXTENSION, TRACE_MIME, traceText } from './traceFiles'

export function exportTrace(run: TraceableRun, format: TraceFormat): ExportedTrace {
  const trace = toNativeTrace(run)
  return {
    fileName: `${trace.meta.scenario}-${run.id}${TRACE_EXTENSION[format]}`,
    mime: TRACE_MIME[format],
    content: [...traceText(trace, format)].join('')
  }
}
