// A scenario's verdict: named checks computed from what a run recorded (never from constants).
// A pure function of the run's events, its result and this context, in its own module
// (<id>/verdict.ts) that imports no program, so that every runtime of a scenario feeds the same
// verdict code.
import type { Check } from '../../../shared/events'
import type { ParamValues } from '../../../shared/scenarios'
import type { EventList } from '../session/EventList'

export interface VerdictContext {
  readonly hostPid: number
  readonly params: ParamValues
}

export type Verdict = (events: EventList, result: unknown, ctx: VerdictContext) => Check[]
