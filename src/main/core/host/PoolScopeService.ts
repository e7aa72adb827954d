// The PoolScope API implemented on the host (Electron main or the headless CLI/serve). Faces
// call `call(name, untrustedInput)`; the input is validated here, once, for every face.
import { randomBytes } from 'node:crypto'
import type {
  CommandInput,
  CommandName,
  CommandOutputs,
  ProgramSupport,
  RunInfo
} from '../../../shared/api'
import { commandInputs } from '../../../shared/api'
import type { EventBatch } from '../../../shared/events'
import { ParamError, parseParams } from '../../../shared/params'
import { describeZodError } from '../../../shared/validation'
import type { z } from 'zod'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ParamValues } from '../../../shared/scenarios'
import { Monitor } from '../monitor/Monitor'
import type { Python } from '../python/findPython'
import { findPython, PythonNotFound } from '../python/findPython'
import { lessonOptions, lessonPath } from '../python/lessonRun'
import { checkDirectory, lessonArgs, programCommand } from '../python/programRequest'
import { ProgramRun } from '../python/ProgramRun'
import type { MonitorOptions } from '../monitor/Monitor'
import { CHECK_TEXTS } from '../scenarios/checkTexts'
import { programs } from '../scenarios/registry'
import type { ScenarioProgram } from '../scenarios/ScenarioProgram'
import { Batcher } from '../session/Batcher'
import type { BatchSubscriber } from '../session/Batcher'
import { Run } from '../session/Run'
import type { ExportStream } from '../trace/exportTrace'
import { exportStream } from '../trace/exportTrace'
import { openNativeTrace } from '../trace/parseNativeTrace'
import type { ReplayRun } from '../trace/ReplayRun'
import type { RunEventListener, RunHandle } from '../session/RunHandle'
import { isLive } from '../session/RunHandle'
import { ApiError } from './ApiError'
import { KEPT_EVENTS_ENV, KeptRuns, parseKeptEvents } from './KeptRuns'
import { AttachRun } from '../explorer/AttachRun'
import { Explorer } from '../explorer/Explorer'
import type { ExplorerOptions } from '../explorer/Explorer'
import { unavailable } from '../platformSupport'

export type PathKind = 'file' | 'directory'
/** Shows the face's file dialog; the path picked, or null when cancelled. */
export type PathPicker = (kind: PathKind) => Promise<string | null>

export class PoolScopeService {
  private readonly batcher = new Batcher()
  /** Ended runs stay for the history and export within an event budget (KeptRuns). */
  private readonly runs: KeptRuns
  /** Run ids are `run-<hostTag>-<n>`: a tag per host start, so a page that resumes after a
   *  restart never takes the new host's run-1 for the old one's. */
  readonly hostTag = randomBytes(3).toString('hex')
  private nextId = 1
  /** Created with the first run; samples at the live pace during runs, idle pace between. */
  private monitor: Monitor | undefined

  private readonly monitorOptions: MonitorOptions
  private readonly programs: ReadonlyMap<string, ScenarioProgram>
  /** The whole machine: processes, details, signals. */
  readonly explorer: Explorer

  private readonly allowPrograms: boolean
  private python: Python | undefined

  /** `monitor`: sampling rates; `programs`: the runnable scenarios (the registry's by default);
   *  `explorer`: whether signals are allowed (serve mode: only with --allow-signals);
   *  `allowPrograms`: whether Python programs (the lessons in CPython) may be started (serve
   *  mode refuses unless started with --allow-programs); `python`: the interpreter to use;
   *  `pickPath`: the face's file dialog, if it has one;
   *  `keptEvents`: the event budget of kept runs (else POOLSCOPE_KEPT_EVENTS, else 5,000,000). */
  constructor(
    private readonly opts: {
      monitor?: MonitorOptions
      programs?: ReadonlyMap<string, ScenarioProgram>
      explorer?: ExplorerOptions
      allowPrograms?: boolean
      python?: string
      keptEvents?: number
      /** The face's own file dialog (Electron's, through the main process). */
      pickPath?: PathPicker
    } = {}
  ) {
    const budget = opts.keptEvents ?? parseKeptEvents(process.env[KEPT_EVENTS_ENV])
    this.runs = new KeptRuns(budget, (id) => this.batcher.forget(id))
    this.monitorOptions = opts.monitor ?? {}
    this.programs = opts.programs ?? programs
    this.explorer = new Explorer(opts.explorer)
    this.allowPrograms = opts.allowPrograms ?? true
  }

  /** Validates `input` against the command's schema, then runs the command. */
  async call<K extends CommandName>(name: K, input: unknown): Promise<CommandOutputs[K]> {
    if (!Object.hasOwn(commandInputs, name))
      throw new ApiError('bad-input', `unknown command '${String(name)}'`)
    const handler = this.handlers[name] as (
      input: unknown
    ) => Promise<CommandOutputs[K]> | CommandOutputs[K]
    return handler(checkedInput(name, input))
  }

  /** A listener that returns a promise is busy until it settles; meanwhile its batches wait
   *  in a bounded backlog, then are dropped and counted (EventBatch.dropped). With `since`,
   *  it first gets the batches recorded after since[runId] for every run (all of them for
   *  runs not named), as a stream it takes at its own pace. */
  subscribe(
    listener: BatchSubscriber,
    opts: { maxBacklog?: number; since?: Record<string, number> } = {}
  ): () => void {
    const { since, maxBacklog } = opts
    return this.batcher.subscribe(listener, {
      maxBacklog,
      history: since ? this.replaySince(since) : undefined
    })
  }

  /** Batches recorded after `since[runId]` for every run (all batches for runs not named),
   *  each rebuilt from its run's recorder as the caller takes it; which ones is fixed now. */
  private replaySince(since: Record<string, number>): Iterable<EventBatch> {
    const parts = [...this.runs.values()].map((run) =>
      this.batcher.eachBatchSince(run, since[run.id] ?? -1)
    )
    return (function* () {
      for (const part of parts) yield* part
    })()
  }

  /** An ended run's trace as text pieces (serve mode streams them to a download); `input` is
   *  checked as exportRun's. */
  exportStream(input: unknown): ExportStream {
    return this.endedRunStream(checkedInput('exportRun', input))
  }

  /** Input already checked (exportRun's handler, exportStream). */
  private endedRunStream({ runId, format }: CommandInput<'exportRun'>): ExportStream {
    const run = this.getRun(runId)
    if (isLive(run)) {
      throw new ApiError(
        'bad-input',
        `run '${run.id}' is still ${run.status}: export it when it has ended`
      )
    }
    return exportStream(run, format)
  }

  getRun(id: string): RunHandle {
    const run = this.runs.get(id)
    if (!run) throw new ApiError('not-found', `no run with id '${id}'`)
    return run
  }

  /** Starts a run of `scenario` (re-enacted on Node); parameters are checked first. */
  startRun(scenario: string, given: Record<string, unknown>): Run {
    const { program, params } = this.checkedScenario(scenario, given)
    return this.launch(
      (id, onEvent, monitor) => new Run(id, program, params, onEvent, monitor)
    ).start()
  }

  private checkedScenario(
    scenario: string,
    given: Record<string, unknown>
  ): { program: ScenarioProgram; params: ParamValues } {
    const program = this.programs.get(scenario)
    if (!program) {
      throw new ApiError(
        'bad-input',
        `unknown scenario '${scenario}' (known: ${[...this.programs.keys()].join(', ')})`
      )
    }
    try {
      return { program, params: parseParams(program.spec, given) }
    } catch (err) {
      if (err instanceof ParamError) throw new ApiError('bad-input', err.message)
      throw err
    }
  }

  /** Starts `scenario`'s lesson as a real Python program (runtime 'cpython'). */
  startLessonRun(
    scenario: string,
    given: Record<string, unknown>,
    opts: { startMethod?: string; python?: string; cwd?: string } = {}
  ): ProgramRun {
    const { program, params } = this.checkedScenario(scenario, given)
    this.checkPrograms('lessons')
    const id = program.spec.id
    if (!existsSync(lessonPath(id))) {
      throw new ApiError('bad-input', `scenario '${id}' has no CPython lesson`)
    }
    const python = this.pythonFor(opts.python)
    return this.launch(
      (runId, onEvent, monitor) =>
        new ProgramRun(
          runId,
          { ...lessonOptions(program, params, python, opts.startMethod), cwd: opts.cwd },
          onEvent,
          monitor
        )
    ).start()
  }

  /** Starts a Python program (a script, a module or a lesson) as a run of kind 'program'. */
  watchProgram(input: CommandInput<'watchProgram'>): ProgramRun {
    const { program } = input
    this.checkPrograms()
    if (program.kind === 'lesson') {
      const known = this.checkedScenario(program.scenario, {}).program
      const { params, startMethod } = lessonArgs(known, input.args ?? [])
      const cwd = input.cwd === undefined ? undefined : resolve(input.cwd)
      if (cwd !== undefined) checkDirectory(cwd)
      return this.startLessonRun(program.scenario, params, {
        startMethod,
        python: input.python,
        cwd
      })
    }
    const { args, cwd, label } = programCommand(input, process.cwd())
    const python = this.pythonFor(input.python)
    return this.launch(
      (id, onEvent, monitor) =>
        new ProgramRun(
          id,
          { python, args, cwd, label, params: { args: args.join(' '), cwd } },
          onEvent,
          monitor
        )
    ).start()
  }

  /** Why this host starts no programs (`feature` names what was asked on the wrong OS), or null. */
  private programsRefused(feature: 'watch' | 'lessons' = 'watch'): string | null {
    if (!this.allowPrograms) {
      return 'this host does not start programs (running a program from a browser is code execution): start serve with --allow-programs'
    }
    return unavailable(feature)
  }

  private checkPrograms(feature: 'watch' | 'lessons' = 'watch'): void {
    const refused = this.programsRefused(feature)
    if (refused) throw new ApiError('refused', refused)
  }

  /** The interpreter: `given`, else the host's (found once, on PATH or `opts.python`). */
  private pythonFor(given: string | undefined): Python {
    try {
      if (given !== undefined) return findPython(given)
      return (this.python ??= findPython(this.opts.python))
    } catch (err) {
      if (err instanceof PythonNotFound) throw new ApiError('bad-input', err.message)
      throw err
    }
  }

  /** What the page needs to offer programs: refused or not, the interpreter, the lessons. */
  programSupport(): ProgramSupport {
    let python: ProgramSupport['python']
    try {
      const found = this.pythonFor(undefined)
      python = { executable: found.executable, version: found.version.join('.') }
    } catch (err) {
      python = { error: err instanceof Error ? err.message : String(err) }
    }
    return {
      refused: this.programsRefused(),
      python,
      picker: this.opts.pickPath !== undefined,
      lessons: [...this.programs.keys()].filter((id) => existsSync(lessonPath(id)))
    }
  }

  /** Adds a run of any kind (a scenario, a watched program, an attached tree): `create` gets
   *  the new run's id, the listener its events must go to (they stream to every face) and the
   *  shared monitor. Keep the run's processes going only after this returns. */
  launch<R extends RunHandle>(
    create: (id: string, onEvent: RunEventListener, monitor: Monitor) => R
  ): R {
    this.monitor ??= new Monitor(this.monitorOptions)
    const run = create(this.newRunId(), this.onRunEvent, this.monitor)
    this.keep(run)
    return run
  }

  /** Watches the running tree of `pid` as a run of kind 'attach' (its processes are left
   *  alone when the watch stops). */
  attach(pid: number, opts: { timeoutMs?: number } = {}): AttachRun {
    const refused = unavailable('attach')
    if (refused) throw new ApiError('refused', refused)
    try {
      return this.launch(
        (id, onEvent, monitor) => new AttachRun(id, pid, onEvent, monitor, opts)
      ).start()
    } catch (err) {
      throw new ApiError('not-found', err instanceof Error ? err.message : String(err))
    }
  }

  private readonly onRunEvent: RunEventListener = (run, ev) => {
    this.batcher.touch(run)
    if (ev.type !== 'run.end') return
    this.batcher.flush()
    this.runs.trim() // what it recorded counts now that it may be let go
  }

  private newRunId(): string {
    return `run-${this.hostTag}-${this.nextId++}`
  }

  /** Adds a run; past the event budget the oldest ended ones are let go (KeptRuns). */
  private keep(run: RunHandle): void {
    this.runs.add(run)
  }

  /** Stops every live run and waits until their processes are gone. Resolves whatever a run,
   *  its stop or the monitor did (a face shutting down has nobody to hand an error to). */
  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.runs.values()].map((r) => r.stop()))
    await this.monitor?.close().catch(() => undefined)
    this.explorer.close()
    this.batcher.flush()
    this.batcher.dispose()
  }

  private readonly handlers: { [K in CommandName]: (input: never) => unknown } = {
    listScenarios: () => [...this.programs.values()].map((p) => p.spec),
    checkTexts: () => CHECK_TEXTS,
    listRuns: (): RunInfo[] => [...this.runs.values()].map((r) => r.info()),
    startRun: (input: CommandInput<'startRun'>) =>
      (input.runtime === 'cpython'
        ? this.startLessonRun(input.scenario, input.params ?? {})
        : this.startRun(input.scenario, input.params ?? {})
      ).info(),
    stopRun: async (input: { runId: string }) => {
      const run = this.getRun(input.runId)
      await run.stop()
      return run.info()
    },
    killProcess: (input: { runId: string; pid: number; signal: 'SIGTERM' | 'SIGKILL' }) => {
      const run = this.getRun(input.runId)
      if (!run.killProcess(input.pid, input.signal)) {
        throw new ApiError(
          'not-found',
          `pid ${input.pid} is not a live process of run '${input.runId}'`
        )
      }
      return { pid: input.pid, signal: input.signal }
    },
    exportRun: (input: CommandInput<'exportRun'>) => {
      const { pieces, ...file } = this.endedRunStream(input)
      return { ...file, content: [...pieces].join('') }
    },
    openTrace: (input: { fileName: string; content: string }) => {
      let run: ReplayRun
      try {
        run = openNativeTrace(this.newRunId(), input.content)
      } catch (err) {
        throw new ApiError(
          'bad-input',
          `${input.fileName}: ${err instanceof Error ? err.message : String(err)}`
        )
      }
      this.keep(run)
      this.batcher.touch(run)
      this.batcher.flush({ recorded: true })
      return run.info()
    },
    systemSnapshot: (input: CommandInput<'systemSnapshot'>) => this.explorer.snapshot(input?.after),
    processDetails: (input: { pid: number }) => this.explorer.details(input.pid),
    signalProcess: (input: z.output<(typeof commandInputs)['signalProcess']>) =>
      this.explorer.signal(input),
    attachProcess: (input: { pid: number; timeoutMs?: number }) =>
      this.attach(input.pid, { timeoutMs: input.timeoutMs }).info(),
    programSupport: () => this.programSupport(),
    watchProgram: (input: CommandInput<'watchProgram'>) => this.watchProgram(input).info(),
    pickPath: async (input: { kind: PathKind }) => {
      const pick = this.opts.pickPath
      if (!pick) {
        throw new ApiError('refused', 'this host has no file dialog: type the path instead')
      }
      return { path: (await pick(input.kind)) ?? null }
    }
  }
}

/** `input` checked against command `name`'s schema (an ApiError naming what is wrong). */
function checkedInput<K extends CommandName>(
  name: K,
  input: unknown
): z.output<(typeof commandInputs)[K]> {
  const parsed = commandInputs[name].safeParse(input)
  if (!parsed.success) throw new ApiError('bad-input', `${name}: ${describeZodError(parsed.error)}`)
  return parsed.data as z.output<(typeof commandInputs)[K]>
}
