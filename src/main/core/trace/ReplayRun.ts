// A run restored from a trace file: nothing runs, its views replay the recorded events.
import type { RunInfo } from '../../../shared/api'
import type { RunEvent, RunStatus, Verdict } from '../../../shared/events'
import type { NativeTrace } from '../../../shared/trace'
import type { TraceableRun } from './nativeTrace'

export class ReplayRun implements TraceableRun {
  readonly status: RunStatus
  readonly verdict: Verdict | undefined
  readonly events: readonly RunEvent[]

  constructor(
    readonly id: string,
    readonly trace: NativeTrace
  ) {
    this.status = trace.status
    this.verdict = trace.verdict
    this.events = trace.events
  }

  info(): RunInfo {
    const { meta } = this.trace
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
