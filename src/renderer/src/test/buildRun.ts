// Applies events to an empty run, in batches like the host sends them.
import type { RunEvent } from '../../../shared/events'
import type { RunState } from '../store/runState'
import { applyEvents, emptyRun } from '../store/runState'

export function buildRun(events: readonly RunEvent[], id = 'run-1', batch = 25): RunState {
  let s = emptyRun(id)
  for (let i = 0; i < events.length; i += batch) s = applyEvents(s, events.slice(i, i + batch))
  return s
}
