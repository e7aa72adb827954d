// The native trace format: a run as one versioned document, written in chunks.
import { TRACE_FORMAT, TRACE_VERSION } from '../../../shared/trace'
import { EventRecorder } from '../session/EventRecorder'
import type { TraceDoc } from './TraceDoc'
import type { RunHandle } from '../session/RunHandle'

/** What a trace needs from a run, of any kind. */
export type TraceableRun = Pick<RunHandle, 'id' | 'status' | 'verdict' | 'events' | 'traceMeta'>

/** The run as a native trace. A replayed run keeps the meta it was recorded with. */
export function toNativeTrace(run: TraceableRun): TraceDoc {
  const meta = run.traceMeta()
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    meta,
    status: run.status,
    ...(run.verdict ? { verdict: run.verdict } : {}),
    // A snapshot: a live recorder may still append while the trace is being written (an
    // EventRecorder's snapshot is a view of its first events, not a copy).
    events: run.events instanceof EventRecorder ? run.events.snapshot() : run.events.slice()
  }
}

/** The document as JSON text pieces (events stringified in batches), never one whole string. */
export function* nativeTraceText(trace: TraceDoc, batch = 4096): Generator<string> {
  const { events, ...head } = trace
  const open = JSON.stringify(head)
  yield `${open.slice(0, -1)},"events":[`
  for (let i = 0; i < events.length; i += batch) {
    const json = JSON.stringify(events.slice(i, i + batch))
    yield i === 0 ? json.slice(1, -1) : ',' + json.slice(1, -1)
  }
  yield ']}'
}
