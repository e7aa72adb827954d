// The native trace format: a run as one versioned document, written in chunks.
import type { RunInfo } from '../../../shared/api'
import type { RunEvent, RunStatus, Verdict } from '../../../shared/events'
import type { NativeTrace } from '../../../shared/trace'
import { TRACE_FORMAT, TRACE_VERSION } from '../../../shared/trace'
import { ReplayRun } from './ReplayRun'
import { traceMeta } from './traceMeta'

/** What a trace needs from a run, live or replayed. */
export interface TraceableRun {
  id: string
  status: RunStatus
  verdict: Verdict | undefined
  events: readonly RunEvent[]
  info(): RunInfo
}

/** The run as a native trace. A replayed run keeps the meta it was recorded with. */
export function toNativeTrace(run: TraceableRun): NativeTrace {
  const meta = run instanceof ReplayRun ? run.trace.meta : traceMeta(run.info())
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    meta,
    status: run.status,
    ...(run.verdict ? { verdict: run.verdict } : {}),
    // A snapshot: a live recorder may still append while the trace is being written.
    events: run.events.slice()
  }
}

/** The document as JSON text pieces (events stringified in batches), never one whole string. */
export function* nativeTraceText(trace: NativeTrace, batch = 4096): Generator<string> {
  const { events, ...head } = trace
  const open = JSON.stringify(head)
  yield `${open.slice(0, -1)},"events":[`
  for (let i = 0; i < events.length; i += batch) {
    const json = JSON.stringify(events.slice(i, i + batch))
    yield i === 0 ? json.slice(1, -1) : ',' + json.slice(1, -1)
  }
  yield ']}'
}
