// A run restored from a trace file: nothing runs, its views replay the recorded events. The
// events move into an EventRecorder (the parsed array is let go), as compact as a live run's.
import type { RunInfo } from '../../../shared/api'
import type { RunStatus, Verdict } from '../../../shared/events'
import type { NativeTrace, TraceMeta } from '../../../shared/trace'
import { EventRecorder } from '../session/EventRecorder'
import type { RunHandle } from '../session/RunHandle'

export class ReplayRun implements RunHandle {
  readonly kind = 'replay'
  /** Nothing runs: a replay has ended before it is opened. */
  readonly done = Promise.resolve()
  readonly status: RunStatus
  readonly verdict: Verdict | undefined
  readonly events: EventRecorder
  /** The meta the run was recorded with (a re-export keeps it). */
  readonly meta: TraceMeta

  constructor(
    readonly id: string,
    trace: NativeTrace
  ) {
    this.status = trace.status
    this.verdict = trace.verdict
    this.meta = trace.meta
    this.events = EventRecorder.from(trace.events)
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
      kind: this.kind,
      replay: true,
      ...(this.verdict ? { verdict: this.verdict } : {})
    }
  }

  traceMeta(): TraceMeta {
    return this.meta
  }

  /** Nothing to stop. */
  stop(): Promise<void> {
    return this.done
  }

  /** A replay has no live processes. */
  killProcess(): boolean {
    return false
  }
}
