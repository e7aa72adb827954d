// A run: one scenario executing on real processes, its events recorded in memory.
import { performance } from 'node:perf_hooks'
import type { RunInfo } from '../../../shared/api'
import type {
  ErrorInfo,
  RunEvent,
  RunStatus,
  Check,
  UnstampedEvent,
  Verdict
} from '../../../shared/events'
import type { ParamValues } from '../../../shared/scenarios'
import { Process } from '../primitives/Process'
import { bindScope, RunScope } from '../primitives/RunScope'
import type { ProcessOptions } from '../primitives/Process'
import { toErrorInfo } from '../protocol'
import type { ScenarioContext, ScenarioProgram } from '../scenarios/ScenarioProgram'
import { NOT_JUDGED, verdictOf } from '../../../shared/events'
import { kitTexts } from '../scenarios/kit/texts'
import { checker } from '../scenarios/kit/verdictKit'
import type { Monitor } from '../monitor/Monitor'
import { abortableDelay } from './abortableDelay'
import { EventRecorder } from './EventRecorder'
import type { KillSignal, RunEventListener, RunHandle } from './RunHandle'
import type { TraceMeta } from '../../../shared/trace'
import { traceMeta } from '../trace/traceMeta'
import { RunSampling } from './RunSampling'

/** How long stopped processes get between SIGTERM and SIGKILL. */
export const STOP_GRACE_MS = 2000

/** The check that stands for a verdict that threw (the run is failed, not the host). */
function verdictThrew(err: unknown): Check {
  const { name, message } = toErrorInfo(err)
  return checker(kitTexts).check(
    'kit.verdict.threw',
    false,
    { error: name, message },
    'kit.verdict.threw.seen'
  )
}

export class Run implements RunHandle {
  readonly kind = 'scenario'
  readonly startedAt = Date.now()
  readonly hostPid = process.pid
  /** Every event of the run, in order (compact: see EventRecorder). */
  readonly events = new EventRecorder()
  status: RunStatus = 'running'
  result: unknown
  verdict: Verdict | undefined
  error: ErrorInfo | undefined
  /** Resolves once the run has ended and every one of its processes is gone. */
  done: Promise<void> = Promise.resolve()
  private readonly t0 = performance.now()
  private readonly abort = new AbortController()
  private readonly processes = new Set<Process>()
  /** The run's queues, locks, pipes and pools (created with its context). */
  private scope: RunScope | undefined
  /** run.end was emitted (it is, exactly once). */
  private ended = false
  /** Samples of the host and this run's processes while it is live (with a monitor). */
  readonly sampling: RunSampling | undefined

  constructor(
    readonly id: string,
    readonly program: ScenarioProgram,
    readonly params: ParamValues,
    private readonly listener: RunEventListener,
    monitor?: Monitor
  ) {
    this.sampling = monitor && new RunSampling(this, monitor)
  }

  info(): RunInfo {
    return {
      id: this.id,
      scenario: this.program.spec.id,
      params: this.params,
      status: this.status,
      startedAt: this.startedAt,
      hostPid: this.hostPid,
      kind: this.kind,
      replay: false,
      verdict: this.verdict
    }
  }

  traceMeta(): TraceMeta {
    return traceMeta(this.info())
  }

  /** Milliseconds since the run started (monotonic, sub-ms). */
  now(): number {
    return performance.now() - this.t0
  }

  readonly emit = (event: UnstampedEvent): void => {
    const stamped = { ...event, t: this.now() } as RunEvent
    this.events.push(stamped)
    this.listener(this, stamped)
  }

  start(): this {
    // execute() guards each step; this is for what no step foresaw: done never rejects.
    this.done = this.execute().catch((err: unknown) => {
      this.fail(err)
      this.end()
    })
    return this
  }

  /** PIDs of this run's processes that are still alive. */
  livePids(): number[] {
    const own = [...this.processes]
      .filter((p) => p.isAlive() && p.pid !== undefined)
      .map((p) => p.pid!)
    return [...own, ...(this.scope?.workerPids() ?? [])]
  }

  /** Signals one of this run's live processes, pool workers included (the UI's kill action). */
  killProcess(pid: number, signal: KillSignal): boolean {
    const proc = [...this.processes].find((p) => p.pid === pid && p.isAlive())
    if (!proc) return this.scope?.killWorker(pid, signal) ?? false
    if (signal === 'SIGKILL') proc.kill()
    else proc.terminate()
    return true
  }

  /** Stops the run: SIGTERM to its processes, SIGKILL after the grace period. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    if (this.status !== 'running') return this.done
    this.status = 'stopping'
    this.abort.abort(new Error('run stopped'))
    await this.guarded(() => this.endProcesses(graceMs))
    await this.done
  }

  private async execute(): Promise<void> {
    let ctx: ScenarioContext | undefined
    try {
      this.emit({
        type: 'run.start',
        scenario: this.program.spec.id,
        params: this.params,
        hostPid: this.hostPid
      })
      this.sampling?.start()
      ctx = this.context()
      this.result = await this.program.run(ctx)
      // Like Python at exit: children the program did not join are waited for, not killed.
      await Promise.all([...this.processes].filter((p) => p.isAlive()).map((p) => p.join()))
      if (this.status === 'running') this.status = 'finished'
    } catch (err) {
      if (this.status !== 'stopping') this.fail(err)
    }
    // The tail: each step guarded, so that whatever throws, the run still ends (failed).
    await this.guarded(() => this.endProcesses(STOP_GRACE_MS))
    await this.guarded(() => ctx?.dispose()) // pools the program left running, queues, pipes
    if (this.status === 'stopping') this.status = 'stopped'
    await this.guarded(() => this.sampling?.finish()) // the last sample precedes run.end
    this.verdict = this.judge()
    this.end()
  }

  /** Records the run's first error; the run has failed whatever it was doing. */
  private fail(err: unknown): void {
    this.status = 'failed'
    this.error ??= toErrorInfo(err)
  }

  private async guarded(step: () => unknown): Promise<void> {
    try {
      await step()
    } catch (err) {
      this.fail(err)
    }
  }

  /** The verdict of a finished run; one that throws is a failed check naming the exception. */
  private judge(): Verdict {
    if (this.status !== 'finished') return NOT_JUDGED
    try {
      const checks = this.program.verdict(this.events, this.result, {
        hostPid: this.hostPid,
        params: this.params
      })
      return verdictOf(checks)
    } catch (err) {
      this.fail(err)
      return verdictOf([verdictThrew(err)])
    }
  }

  /** Emits run.end, once whatever happens (a listener that throws does not undo it). */
  private end(): void {
    if (this.ended) return
    this.ended = true
    this.verdict ??= NOT_JUDGED
    try {
      this.emit({
        type: 'run.end',
        status: this.status,
        hostPid: this.hostPid,
        result: this.result ?? null,
        verdict: this.verdict,
        ...(this.error ? { error: this.error } : {})
      })
    } catch {
      // recorded already; a face's listener failing is the face's
    }
  }

  private context(): ScenarioContext {
    const pace = Number(this.params.pace ?? 1)
    const scope = new RunScope(this.emit)
    this.scope = scope
    this.abort.signal.addEventListener('abort', () => void this.guarded(() => scope.dispose()), {
      once: true
    })
    return {
      hostPid: this.hostPid,
      params: this.params,
      signal: this.abort.signal,
      emit: this.emit,
      process: (opts: Omit<ProcessOptions, 'sink'>) => {
        if (this.abort.signal.aborted) throw new Error('run stopped')
        const proc = new Process({ ...opts, sink: this.emit })
        this.processes.add(proc)
        return proc
      },
      pause: (ms: number) => abortableDelay(ms * pace, this.abort.signal),
      // Queues, locks, pipes and pools of this run: ended when it is stopped.
      ...bindScope(scope),
      dispose: () => scope.dispose()
    }
  }

  private async endProcesses(graceMs: number): Promise<void> {
    const alive = [...this.processes].filter((p) => p.isAlive())
    if (alive.length === 0) return
    alive.forEach((p) => p.terminate())
    const all = Promise.all(alive.map((p) => p.join()))
    // The grace timer is cancelled once they are gone: it would hold a CLI's exit for its length.
    const grace = new AbortController()
    const graceOver = abortableDelay(graceMs, grace.signal).then(
      () => true,
      () => false
    )
    const late = await Promise.race([all.then(() => false), graceOver])
    grace.abort()
    if (late) {
      alive.forEach((p) => p.kill())
      await all
    }
  }
}
