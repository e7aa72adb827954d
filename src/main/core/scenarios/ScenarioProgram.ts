// What a scenario module provides, and what a run gives it to work with.
import type { Check, RunEvent } from '../../../shared/events'
import type { ParamValues, ScenarioSpec } from '../../../shared/scenarios'
import type { EventSink } from '../eventSink'
import type { Process, ProcessOptions } from '../primitives/Process'

export interface ScenarioContext {
  readonly hostPid: number
  readonly params: ParamValues
  /** Aborted when the user stops the run. */
  readonly signal: AbortSignal
  readonly emit: EventSink
  /** A Process bound to this run: its events are recorded, it is killed if the run stops. */
  process(opts: Omit<ProcessOptions, 'sink'>): Process
  /** Waits `ms` × pace (slow motion); rejects if the run is stopped. */
  pause(ms: number): Promise<void>
}

export interface ScenarioProgram {
  spec: ScenarioSpec
  /** Runs the scenario; its return value is the run's result. */
  run(ctx: ScenarioContext): Promise<unknown>
  /** Named checks computed from what this run recorded (never from constants). */
  verdict(
    events: readonly RunEvent[],
    result: unknown,
    ctx: { hostPid: number; params: ParamValues }
  ): Check[]
}
