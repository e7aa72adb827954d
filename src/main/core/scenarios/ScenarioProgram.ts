// What a scenario module provides, and what a run gives it to work with.
import type { CheckTexts } from '../../../shared/checkTexts'
import type { Verdict } from './Verdict'
import type { ParamValues, ScenarioSpec } from '../../../shared/scenarios'
import type { EventSink } from '../eventSink'
import type { ProcessPool, PoolOptions } from '../pool/ProcessPool'
import type { Lock } from '../primitives/Lock'
import type { PipeEnd, PipeOptions } from '../primitives/Pipe'
import type { Process, ProcessOptions } from '../primitives/Process'
import type { Queue, QueueOptions } from '../primitives/Queue'

export interface ScenarioContext {
  readonly hostPid: number
  readonly params: ParamValues
  /** Aborted when the user stops the run. */
  readonly signal: AbortSignal
  readonly emit: EventSink
  /** A Process bound to this run: its events are recorded, it is killed if the run stops. */
  process(opts: Omit<ProcessOptions, 'sink'>): Process
  /**
   * Queue, Lock, Pipe and ProcessPool bound to this run. Pass a queue, lock or pipe end to a
   * child in `args` (ctx.process or a pool task): the task receives a proxy (see
   * child/tasks.ts). Pools are terminated and queues/pipes closed when the run stops or
   * ends; a program that wants its pool's work finished closes it itself (close() + join()),
   * like `with Pool()`.
   */
  queue(opts?: Omit<QueueOptions, 'sink'>): Queue
  lock(name?: string): Lock
  /** `[a, b]`; with `duplex: false`, a receives and b sends (Python's Pipe). */
  pipe(opts?: Omit<PipeOptions, 'sink'>): Promise<[PipeEnd, PipeEnd]>
  pool(opts: Omit<PoolOptions, 'sink'>): ProcessPool
  /** For the run itself once the program has ended: terminates what the program left. */
  dispose(): Promise<void>
  /** Waits `ms` × pace (slow motion); rejects if the run is stopped. */
  pause(ms: number): Promise<void>
}

export interface ScenarioProgram {
  spec: ScenarioSpec
  /** Runs the scenario; its return value is the run's result. */
  run(ctx: ScenarioContext): Promise<unknown>
  /** The checks of a run of it (see Verdict.ts). */
  verdict: Verdict
  /** Its checks' texts in every UI language, by id (its folder's texts.ts). */
  texts: CheckTexts
}
