// The state of a replayed run at time T: the events with t <= T applied in order. Moving
// forward applies only the new events; moving back starts again from the beginning.
import type { RunEvent } from '../../../shared/events'
import type { RunState } from './runState'
import { applyEvents, emptyRun } from './runState'

export class ReplayCursor {
  readonly events: readonly RunEvent[]
  readonly end: number
  private index = 0
  private state: RunState

  constructor(
    private readonly runId: string,
    events: readonly RunEvent[]
  ) {
    // A stable sort: events recorded at the same time keep their order.
    this.events = [...events].sort((a, b) => a.t - b.t)
    this.end = this.events.length ? this.events[this.events.length - 1]!.t : 0
    this.state = emptyRun(runId)
  }

  /** The run as it was at time `t` (ms since its start). */
  at(t: number): RunState {
    const upto = this.upperBound(t)
    if (upto < this.index) {
      this.index = 0
      this.state = emptyRun(this.runId)
    }
    if (upto > this.index) {
      this.state = applyEvents(this.state, this.events.slice(this.index, upto))
      this.index = upto
    }
    return { ...this.state, lastT: Math.max(this.state.lastT, Math.min(t, this.end)) }
  }

  /** Number of events with time <= t. */
  private upperBound(t: number): number {
    let lo = 0
    let hi = this.events.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.events[mid]!.t <= t) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
