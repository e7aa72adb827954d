// A run of kind 'program': a real Python program started under PoolScope's launcher, watched
// through the shim's events (ShimServer), its stdout/stderr per process, a /proc scan for the
// processes that are not Python, and CPU sampling as for scenario runs. It ends when the
// program and every descendant have exited (the launcher, their subreaper, exits then), or on
// stop(): SIGTERM to the whole tree, SIGKILL after the grace period; nothing survives.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { RunInfo } from '../../../shared/api'
import type {
  ErrorInfo,
  Check,
  RunEvent,
  RunStatus,
  UnstampedEvent,
  Verdict
} from '../../../shared/events'
import { NOT_JUDGED, verdictOf } from '../../../shared/events'
import type { TraceMeta } from '../../../shared/trace'
import { childNice } from '../child/childNice'
import type { Monitor } from '../monitor/Monitor'
import { ENV_HOST_PID } from '../protocol'
import { checker } from '../scenarios/kit/verdictKit'
import type { EventList } from '../session/EventList'
import { EventRecorder } from '../session/EventRecorder'
import type { KillSignal, RunEventListener, RunHandle } from '../session/RunHandle'
import { RunSampling } from '../session/RunSampling'
import { STOP_GRACE_MS } from '../session/Run'
import { traceMeta } from '../trace/traceMeta'
import type { Python } from './findPython'
import type { TreeProc } from './procTree'
import { processTree, TreeScanner } from './procTree'
import { programTexts } from './texts'
import { Reorder } from './Reorder'
import { pythonResources, shimBytecodeCache } from './shimDir'
import { ShimServer } from './ShimServer'
import type { WireMessage } from './wire'
import { signalName, WireTranslator } from './WireTranslator'

/** How long an event waits for earlier ones from other processes. */
export const REORDER_MS = 50
const TICK_MS = 20
const SCAN_MS = 100
/** A process gone from /proc without a reported exit gets one (code unknown) after this. */
const UNREPORTED_EXIT_MS = 500
/** A process found in /proc is shown after this long unless it reported itself first: a
 *  Python process reports when its interpreter has started (up to ~1 s on a busy machine). */
const UNREPORTED_PYTHON_MS = 3000
const UNREPORTED_OTHER_MS = 150
/** The longest the run's end waits for the connections of exited processes to close. */
const DRAIN_MS = 500
const RESULT_MARK = '▸ result '
const UNINSTRUMENTED: UnstampedEvent = {
  type: 'log',
  level: 'warn',
  topic: 'uninstrumented',
  text: 'uninstrumented: no process reported through the shim (python -I or -S, or not Python); shown from /proc only'
}

export interface ProgramOptions {
  python: Python
  /** What follows the interpreter: `script.py args…` or `-m module args…`. */
  args: string[]
  cwd?: string
  /** Shown as the run's scenario (a lesson id, or the script's name). */
  label: string
  params?: Record<string, number | string>
  /** Stops the run after this long (ms). */
  timeoutMs?: number
  /** A lesson's own checks, given what it reported (`▸ result {json}`), after the check that
   *  the program exited with code 0. */
  verdict?: (
    events: EventList,
    reported: unknown,
    ctx: { hostPid: number; params: Record<string, number | string> }
  ) => Check[]
  /** Lines the main process prints starting with '▸ ' are also markers (log events) of its
   *  steps, and '▸ result {json}' is what it reports (the lessons do this). */
  marks?: boolean
}

export interface ProgramResult {
  exitCode: number | null
  signal: string | null
  /** The main program's PID (the "host" of a lesson: its processes' parent). */
  mainPid: number | null
  python: string
  /** False when no process reported through the shim (python -I / -S, or not Python). */
  instrumented: boolean
  timedOut: boolean
  /** What a lesson reported ('▸ result {json}'). */
  reported?: unknown
}

type Item = { wire: WireMessage } | { event: UnstampedEvent } | { scan: () => void }

export class ProgramRun implements RunHandle {
  readonly kind = 'program'
  readonly startedAt = Date.now()
  readonly hostPid = process.pid
  readonly events = new EventRecorder()
  status: RunStatus = 'running'
  verdict: Verdict | undefined
  result: ProgramResult | undefined
  error: ErrorInfo | undefined
  done: Promise<void> = Promise.resolve()
  readonly sampling: RunSampling | undefined
  /** CLOCK_MONOTONIC at the run's start: t = 0. */
  readonly originNs = process.hrtime.bigint()
  private readonly reorder = new Reorder<Item>(REORDER_MS)
  private readonly translator = new WireTranslator((e) => this.record(e))
  private readonly server: ShimServer
  private launcher: ChildProcess | undefined
  private mainPid: number | undefined
  private mainExit: { code: number | null; signal: string | null } | undefined
  private instrumented = false
  /** The launcher could not start the program (its exit status is then the run's result). */
  private launcherFailed = false
  private saidUninstrumented = false
  private timedOut = false
  private readonly goneSince = new Map<number, number>()
  /** Found in /proc, not reported by the shim yet: held until UNREPORTED_*_MS. */
  private readonly seen = new Map<number, TreeProc & { first: number }>()
  /** Shown from the /proc scan (never reported through the shim when they were found). */
  private readonly fromScan = new Set<number>()
  /** Reported by the shim (it names them; the scan leaves them alone). */
  private readonly shimPids = new Set<number>()
  /** The time of the item being released (the translator's events take it). */
  private releaseT = 0
  private timers: NodeJS.Timeout[] = []
  private scanner: TreeScanner | undefined

  constructor(
    readonly id: string,
    private readonly opts: ProgramOptions,
    private readonly listener: RunEventListener,
    monitor?: Monitor
  ) {
    this.sampling = monitor && new RunSampling(this, monitor)
    this.server = new ShimServer({
      onMessage: (msg) => this.onWire(msg),
      onOutput: (pid, fd, text) => this.emit({ type: fd === 1 ? 'stdout' : 'stderr', pid, text }),
      onWarn: (text) => this.emit({ type: 'log', level: 'warn', text })
    })
  }

  info(): RunInfo {
    return {
      id: this.id,
      scenario: this.opts.label,
      params: this.opts.params ?? {},
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

  /** Milliseconds since the run started, on CLOCK_MONOTONIC (the clock the shim stamps with). */
  now(): number {
    return Number(process.hrtime.bigint() - this.originNs) / 1e6
  }

  private toRunTime(ns: number): number {
    return Math.max(0, (ns - Number(this.originNs)) / 1e6)
  }

  /** An event from outside the translator (a copy is recorded: record() stamps in place). */
  readonly emit = (event: UnstampedEvent): void => {
    this.reorder.push(this.now(), { event: { ...event } })
  }

  private onWire(msg: WireMessage): void {
    if (msg.type === 'launcher') {
      if (msg.main) this.mainPid = msg.main
      if (msg.error) {
        this.launcherFailed = true
        this.emit({ type: 'log', level: 'error', text: `launcher: ${msg.error}` })
      }
      return
    }
    if (msg.type === 'proc.spawn') {
      if (msg.hello) this.instrumented = true
      this.shimPids.add(msg.pid)
      this.seen.delete(msg.pid)
    }
    if (msg.type === 'proc.exit') this.showFromScan(msg.pid)
    if (msg.type === 'proc.exit' && msg.pid === this.mainPid) {
      this.mainExit = { code: msg.code, signal: signalName(msg.signum) }
    }
    this.reorder.push(this.toRunTime(msg.ns), { wire: msg })
  }

  private record(event: UnstampedEvent): void {
    // Stamped in place, not copied: the translator's events and emit()'s copies are this run's.
    const stamped = event as RunEvent
    stamped.t = this.releaseT
    this.events.push(stamped)
    this.listener(this, stamped)
    if (this.opts.marks && event.type === 'stdout' && event.pid === this.mainPid) {
      this.readMarks(event.text)
    }
  }

  private markLine = ''
  private reported: unknown

  private readMarks(text: string): void {
    this.markLine += text
    for (let nl = this.markLine.indexOf('\n'); nl !== -1; nl = this.markLine.indexOf('\n')) {
      const line = this.markLine.slice(0, nl)
      this.markLine = this.markLine.slice(nl + 1)
      if (line.startsWith(RESULT_MARK)) {
        try {
          this.reported = JSON.parse(line.slice(RESULT_MARK.length))
        } catch {
          this.record({
            type: 'log',
            level: 'warn',
            text: `unreadable result: ${line.slice(0, 200)}`
          })
        }
      } else if (line.startsWith('▸ ')) this.record({ type: 'log', level: 'info', text: line })
    }
    if (this.markLine.length > 64 * 1024) this.markLine = ''
  }

  private release(all = false): void {
    // (A held spawn is let go at the time of a later event: samples come every tick.)
    for (const { t, item } of this.reorder.release(this.now(), all)) {
      this.releaseT = t
      if ('wire' in item) this.translator.take(item.wire, t)
      else if ('event' in item) this.record(item.event)
      else item.scan()
      this.translator.tick(t)
    }
  }

  start(): this {
    this.done = this.execute()
    return this
  }

  livePids(): number[] {
    const t = this.translator
    return [...t.spawned.keys()].filter((pid) => !t.exited.has(pid))
  }

  killProcess(pid: number, signal: KillSignal): boolean {
    if (this.status !== 'running' || !this.livePids().includes(pid)) return false
    try {
      process.kill(pid, signal)
      return true
    } catch {
      return false
    }
  }

  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    if (this.status !== 'running') return this.done
    this.status = 'stopping'
    const launcher = this.launcher
    if (launcher?.pid && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM') // it ends the tree: SIGTERM, then SIGKILL after its grace
      // Should the launcher itself hang, everything under it is killed from here.
      const backstop = setTimeout(() => this.killTree(), graceMs + 1000)
      this.timers.push(backstop)
    }
    await this.done
  }

  private killTree(): void {
    const root = this.launcher?.pid
    if (!root) return
    for (const p of processTree(root)) {
      try {
        process.kill(p.pid, 'SIGKILL')
      } catch {
        // gone
      }
    }
    this.launcher?.kill('SIGKILL')
  }

  private async execute(): Promise<void> {
    this.emit({
      type: 'run.start',
      scenario: this.opts.label,
      params: this.opts.params ?? {},
      hostPid: this.hostPid
    })
    let launched = false
    try {
      await this.server.listen()
      this.scanner = new TreeScanner()
      this.launcher = this.spawnLauncher()
      launched = true
      this.sampling?.start()
      this.timers.push(setInterval(() => this.release(), TICK_MS))
      this.timers.push(setInterval(() => this.scan(), SCAN_MS))
      if (this.opts.timeoutMs) {
        this.timers.push(
          setTimeout(() => {
            this.timedOut = true
            this.emit({
              type: 'log',
              level: 'warn',
              text: `timeout: stopping after ${this.opts.timeoutMs} ms`
            })
            void this.stop()
          }, this.opts.timeoutMs)
        )
      }
      const status = await this.launcherExit(this.launcher)
      await this.drain()
      if (this.mainExit === undefined && (this.mainPid !== undefined || this.launcherFailed))
        this.mainExit = status
    } catch (err) {
      this.status = 'failed'
      this.error = { name: 'Error', message: err instanceof Error ? err.message : String(err) }
      if (launched) this.killTree()
    }
    for (const t of this.timers) clearTimeout(t)
    this.server.close()
    this.release(true)
    this.translator.tick(Infinity)
    // The tree is empty now: whoever left no exit report exited unseen.
    for (const pid of this.livePids())
      this.emitNow({ scan: () => this.translator.exit(pid, null, null) })
    if (!this.instrumented && !this.saidUninstrumented && this.status !== 'failed') {
      this.emitNow({ event: UNINSTRUMENTED })
    }
    if (this.status === 'stopping') this.status = 'stopped'
    else if (this.status === 'running') this.status = 'finished'
    await this.sampling?.finish()
    this.release(true)
    this.result = {
      exitCode: this.mainExit?.code ?? null,
      signal: this.mainExit?.signal ?? null,
      mainPid: this.mainPid ?? null,
      python: `${this.opts.python.executable} ${this.opts.python.version.join('.')}`,
      instrumented: this.instrumented,
      timedOut: this.timedOut,
      ...(this.reported !== undefined ? { reported: this.reported } : {})
    }
    const ctx = { hostPid: this.mainPid ?? this.hostPid, params: this.opts.params ?? {} }
    const checks =
      this.status === 'finished'
        ? [
            ...exitVerdict(this.result),
            ...(this.opts.verdict?.(this.events, this.reported, ctx) ?? [])
          ]
        : []
    this.verdict = this.status === 'finished' ? verdictOf(checks) : NOT_JUDGED
    this.emitNow({
      event: {
        type: 'run.end',
        status: this.status,
        hostPid: this.hostPid,
        result: this.result,
        verdict: this.verdict,
        ...(this.error ? { error: this.error } : {})
      }
    })
  }

  /** Records an item at once (after the last release: nothing is waiting any more). */
  private emitNow(item: Item): void {
    this.reorder.push(this.now(), item)
    this.release(true)
  }

  private spawnLauncher(): ChildProcess {
    const dir = pythonResources()
    const pycache = shimBytecodeCache()
    const env = {
      ...process.env,
      ...(pycache ? { POOLSCOPE_PYCACHE: pycache } : {}),
      POOLSCOPE_SOCK: this.server.path,
      PYTHONPATH: [dir, process.env.PYTHONPATH].filter(Boolean).join(':'),
      PYTHONUNBUFFERED: '1',
      [ENV_HOST_PID]: String(process.pid)
    }
    const py = this.opts.python.executable
    const args = ['-I', '-S', join(dir, 'launcher.py'), String(process.pid), String(childNice())]
    const child = spawn(py, [...args, py, ...this.opts.args], {
      cwd: this.opts.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // What the launcher's pipes carry: the program's output before (or without) the shim.
    const outOf = (fd: 1 | 2) => (chunk: Buffer) =>
      this.emit({
        type: fd === 1 ? 'stdout' : 'stderr',
        pid: this.mainPid ?? child.pid ?? process.pid,
        text: chunk.toString('utf8')
      })
    child.stdout?.on('data', outOf(1))
    child.stderr?.on('data', outOf(2))
    return child
  }

  private launcherExit(
    child: ChildProcess
  ): Promise<{ code: number | null; signal: string | null }> {
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code, signal) => resolve({ code, signal }))
    })
  }

  /** After the launcher's exit: the last lines on still-open connections, briefly (every
   *  process has exited: their connections are closing). */
  private drain(): Promise<void> {
    return this.server.idle(DRAIN_MS)
  }

  /** One /proc look: new descendants (held a while, so the shim can name them first) and
   *  processes gone without a reported exit. */
  private scan(): void {
    const root = this.launcher?.pid
    if (!root || !this.scanner) return
    const tree = this.scanner.scan(root)
    const present = new Set(tree.map((p) => p.pid))
    const t = this.translator
    const now = this.now()
    for (const p of tree) {
      if (this.shimPids.has(p.pid) || this.fromScan.has(p.pid) || t.spawned.has(p.pid)) continue
      if (p.state === 'Z') continue
      const seen = this.seen.get(p.pid) ?? { ...p, first: now }
      this.seen.set(p.pid, seen)
      // A Python process reports itself once its interpreter is up; one started with -I, -S or
      // -E (and its forks, which keep that command line) never will. Read at each look: a
      // fork caught before its exec still has its parent's.
      const silent = !p.comm.startsWith('python') || skipsSite(p.pid)
      if (now - seen.first >= (silent ? UNREPORTED_OTHER_MS : UNREPORTED_PYTHON_MS))
        this.showFromScan(p.pid)
    }
    // Gone before it was shown: shown now, at the time it was first seen (its exit follows).
    for (const pid of this.seen.keys()) if (!present.has(pid)) this.showFromScan(pid)
    for (const pid of this.livePids()) {
      if (present.has(pid)) {
        this.goneSince.delete(pid)
        continue
      }
      const since = this.goneSince.get(pid) ?? now
      this.goneSince.set(pid, since)
      if (now - since >= UNREPORTED_EXIT_MS) {
        this.goneSince.delete(pid)
        this.reorder.push(now, { scan: () => t.exit(pid, null, null) })
      }
    }
  }

  /** Records a process the scan found and the shim did not report (unless it has meanwhile). */
  private showFromScan(pid: number): void {
    const p = this.seen.get(pid)
    if (!p) return
    this.seen.delete(pid)
    this.fromScan.add(pid)
    const t = this.translator
    const role = pid === this.mainPid ? 'main' : 'external'
    this.reorder.push(p.first, {
      scan: () => !t.spawned.has(pid) && t.spawn(pid, p.ppid, p.comm, role)
    })
    // The main program found only here: its interpreter loaded no shim. Said while it runs.
    if (role === 'main' && !this.instrumented && !this.saidUninstrumented) {
      this.saidUninstrumented = true
      this.reorder.push(p.first, { event: UNINSTRUMENTED })
    }
  }
}

/** Whether process `pid`'s command line starts Python with -I, -S or -E (no sitecustomize
 *  from PYTHONPATH: the shim cannot load). */
function skipsSite(pid: number): boolean {
  let argv: string[]
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  } catch {
    return false
  }
  // PoolScope's launcher (-I -S) before it execs the program: not the program's own flags
  if (argv.some((a) => a.endsWith('/launcher.py'))) return false
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!
    if (!/^-[A-Za-z]+$/.test(a)) return false // the script, '-' or '--'
    if (/[ISE]/.test(a.slice(1).replace(/[cmWX].*$/, ''))) return true
    if (/[cm]/.test(a)) return false // -c / -m: what follows is the program's
    if (/[WX]$/.test(a)) i++ // -W arg, -X opt
  }
  return false
}

const { check } = checker(programTexts)

function exitVerdict(result: ProgramResult): Check[] {
  const how =
    result.exitCode !== null
      ? ('program.exit.code' as const)
      : result.signal
        ? ('program.exit.signal' as const)
        : ('program.exit.unknown' as const)
  return [
    check('program.exit', result.exitCode === 0, { code: result.exitCode, signal: result.signal }, [
      { text: how },
      ...(result.instrumented ? [] : [{ text: 'program.uninstrumented' as const }])
    ])
  ]
}
