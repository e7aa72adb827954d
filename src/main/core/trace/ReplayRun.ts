// A run restored from a trace file: nothing runs, its views replay the recorded events. The
// events move into an EventLog (the parsed array is let go), as compact as a live run's.
import type { RunInfo } from '../../../shared/api'
import type { RunStatus, Verdict } from '../../../shared/events'
import type { NativeTrace, TraceMeta } from '../../../shared/trace'
import { EventLog } from '../session/EventLog'
import type { TraceableRun } from './nativeTrace'

export class ReplayRun implements TraceableRun {
  readonly status: RunStatus
  readonly verdict: Verdict | undefined
  readonly events: EventLog
  /** The meta the run was recorded with (a re-export keeps it). */
  readonly meta: TraceMeta

  constructor(
    readonly id: string,
    trace: NativeTrace
  ) {
    this.status = trace.status
    this.verdict = trace.verdict
    this.meta = trace.meta
    this.events = EventLog.from(trace.events)
  }

  info(): RunInfo {
    const { meta } = this
    return {
      id: this.id,
      scenario: meta.scenario,
      params: meta.params,
      status: this.status,
      startedAt: meta.startedAt,
      hostPid: meta.hostPid,
      replay: true,
      ...(this.verdict ? { verdict: this.verdict } : {})
    }
  }
}
