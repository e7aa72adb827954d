// The read side of a run's recorded events, which a plain array and an EventRecorder both satisfy:
// consumers take this instead of `readonly RunEvent[]`, so the recorder can keep its events
// compactly (EventRecorder) while tests and small runs may still pass arrays.
import type { RunEvent } from '../../../shared/events'

export interface EventList extends Iterable<RunEvent> {
  readonly length: number
  /** Event i (negative: from the end), or undefined outside the list. */
  at(index: number): RunEvent | undefined
  /** Events [from, to) as a new array, with Array.prototype.slice's index rules. */
  slice(from?: number, to?: number): RunEvent[]
}
