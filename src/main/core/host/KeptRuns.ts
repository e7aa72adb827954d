// The host's runs, kept within a budget of recorded events rather than a count of runs (50
// replays of 2M events each would not fit in memory; 500 short runs would). Past the budget
// the oldest ended runs are let go, with their memory; live runs and the newest run always
// stay (a trace opened alone over the budget is still shown).
import { DEFAULT_KEPT_EVENTS } from '../../../shared/events'
import type { RunHandle } from '../session/RunHandle'
import { isLive } from '../session/RunHandle'

export { DEFAULT_KEPT_EVENTS }

/** The environment variable that sets the budget for any face (serve also takes a flag). */
export const KEPT_EVENTS_ENV = 'POOLSCOPE_KEPT_EVENTS'

/** A budget that is not a whole number (the CLI exits with its bad-argument status). */
export class KeptEventsError extends RangeError {}

/** The budget `text` asks for (the default when unset); `what` names it in the error. */
export function parseKeptEvents(text: string | undefined, what = KEPT_EVENTS_ENV): number {
  if (text === undefined || text.trim() === '') return DEFAULT_KEPT_EVENTS
  const n = Number(text)
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n))
    throw new KeptEventsError(`${what}: expected a whole number of events, got '${text}'`)
  return n
}

export class KeptRuns {
  private readonly runs = new Map<string, RunHandle>()

  /** `onForget` hears of each run let go (the batcher tells the subscribers). */
  constructor(
    readonly budget: number,
    private readonly onForget: (runId: string) => void
  ) {}

  get(id: string): RunHandle | undefined {
    return this.runs.get(id)
  }

  values(): IterableIterator<RunHandle> {
    return this.runs.values()
  }

  /** Events held by every kept run. */
  heldEvents(): number {
    let n = 0
    for (const run of this.runs.values()) n += run.events.length
    return n
  }

  add(run: RunHandle): void {
    this.runs.set(run.id, run)
    this.trim()
  }

  /** Lets the oldest ended runs go until the kept ones fit the budget (call when one ends). */
  trim(): void {
    let held = this.heldEvents()
    const newest = [...this.runs.keys()].at(-1)
    for (const [id, run] of this.runs) {
      if (held <= this.budget) return
      if (isLive(run) || id === newest) continue
      held -= run.events.length
      this.runs.delete(id)
      this.onForget(id)
    }
  }
}
