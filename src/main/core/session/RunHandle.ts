// The one interface the host keeps runs by: a live scenario run, a replayed trace, a watched
// program, an attached process tree. The service, the faces and the exporters see only this,
// so a new kind of run plugs in without `instanceof` switches anywhere.
import type { RunInfo } from '../../../shared/api'
import type { RunEvent, RunKind, RunStatus, Verdict } from '../../../shared/events'
import type { TraceMeta } from '../../../shared/trace'
import type { EventList } from './EventList'

export type KillSignal = 'SIGTERM' | 'SIGKILL'

export interface RunHandle {
  readonly id: string
  readonly kind: RunKind
  readonly status: RunStatus
  readonly verdict: Verdict | undefined
  /** Every event of the run, in time order. */
  readonly events: EventList
  /** Settles (never rejects) once the run has ended and every process it owns is gone. */
  readonly done: Promise<void>
  info(): RunInfo
  /** The meta a trace of this run is written with (a replay keeps the one it was read with). */
  traceMeta(): TraceMeta
  /** Ends the run; what it owns is stopped (a replay or an attached tree owns nothing). */
  stop(): Promise<void>
  /** Signals one of the run's live processes; false if `pid` is not one of them. */
  killProcess(pid: number, signal: KillSignal): boolean
}

/** Called with every event a run records, in order (the service streams them to faces). */
export type RunEventListener = (run: RunHandle, event: RunEvent) => void

/** A run is live until it has ended (its events may still grow). */
export function isLive(run: { status: RunStatus }): boolean {
  return run.status === 'running' || run.status === 'stopping'
}
