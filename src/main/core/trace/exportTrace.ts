import type { ExportedTrace, TraceFormat } from '../../../shared/api'
import { ApiError } from '../host/ApiError'
import type { TraceableRun } from './nativeTrace'
import { toNativeTrace } from './nativeTrace'

/** Renders a run in one of the export formats. */
export function exportTrace(run: TraceableRun, format: TraceFormat): ExportedTrace {
  const base = `${run.info().scenario}-${run.id}`
  switch (format) {
    case 'native':
      return {
        fileName: `${base}.poolscope.json`,
        mime: 'application/json',
        content: JSON.stringify(toNativeTrace(run))
      }
    default:
      // Chrome Trace JSON and CSV are the subject of the trace issue; say so plainly.
      throw new ApiError('failed', `export format '${format}' is not available in this version`)
  }
}
