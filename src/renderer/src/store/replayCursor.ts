// The state of a replayed run at time T: the events with t <= T applied in order. Moving
// forward a little applies only the new events; otherwise it starts from the nearest checkpoint
// before T (states are immutable, so a checkpoint is the state object itself). Without them,
// dragging the scrubber back over a 200,000-event trace rebuilt the run from its first event
// on every step: frames of up to 150 ms.
import type { RunEvent } from '../../../shared/events'
import type { RunState } from './runState'
import { applyEvents, emptyRun } from './runState'

/** At most this many checkpoints per replay (each holds a state's bounded collections). */
const MAX_CHECKPOINTS = 64
/** Fewest events between two checkpoints (applying this many takes a few ms). */
const MIN_SPAN = 2000

export class ReplayCursor {
  readonly events: readonly RunEvent[]
  readonly end: number
  /** Events between checkpoints: checkpoints[k] is the state after k * span events. */
  private readonly span: number
  private readonly checkpoints: RunState[]
  private index = 0
  private state: RunState

  constructor(runId: string, events: readonly RunEvent[]) {
    // A stable sort: events recorded at the same time keep their order.
    this.events = [...events].sort((a, b) => a.t - b.t)
    this.end = this.events.length ? this.events[this.events.length - 1]!.t : 0
    this.state = emptyRun(runId)
    this.span = Math.max(MIN_SPAN, Math.ceil(this.events.length / MAX_CHECKPOINTS))
    this.checkpoints = [this.state]
  }

  /** The run as it was at time `t` (ms since its start). */
  at(t: number): RunState {
    const upto = this.upperBound(t)
    // the checkpoints are made in order (as the cursor moves forward, or ahead of time): every
    // one up to the last exists. Start from the nearest before `upto` when it is nearer.
    const k = Math.min(Math.floor(upto / this.span), this.checkpoints.length - 1)
    if (upto < this.index || k * this.span > this.index) {
      this.index = k * this.span
      this.state = this.checkpoints[k]!
    }
    while (this.index < upto) {
      const next = Math.min(upto, (Math.floor(this.index / this.span) + 1) * this.span)
      this.state = applyEvents(this.state, this.events.slice(this.index, next))
      this.index = next
      if (next % this.span === 0) this.checkpoints[next / this.span] ??= this.state
    }
    return { ...this.state, lastT: Math.max(this.state.lastT, Math.min(t, this.end)) }
  }

  /**
   * Makes checkpoints ahead of the first seek for about `budgetMs` (called when the browser is
   * idle, so that the first drag back does not rebuild the run from its start); false once
   * every checkpoint exists.
   */
  prepare(budgetMs: number): boolean {
    const started = performance.now()
    let k = this.checkpoints.length - 1
    while ((k + 1) * this.span <= this.events.length) {
      const from = k * this.span
      this.checkpoints[k + 1] = applyEvents(
        this.checkpoints[k]!,
        this.events.slice(from, from + this.span)
      )
      k++
      // at least one checkpoint per call
      if (performance.now() - started > budgetMs) return (k + 1) * this.span <= this.events.length
    }
    return false
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
