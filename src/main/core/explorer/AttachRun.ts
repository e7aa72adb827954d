// A run of kind 'attach': a process tree that was already running, watched like a run of
// PoolScope's own. Spawns and exits are discovered by polling the tree (TreeWatcher, 50 Hz
// by default) and recorded as proc.spawn / proc.exit, so RunSampling samples exactly the
// live members (CPU per process and per core, memory) and every view, export and replay
// works unchanged. The processes are not PoolScope's: stopping the run leaves them alone.
import { constants } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { RunInfo } from '../../../shared/api'
import type { RunEvent, RunStatus, UnstampedEvent, Verdict } from '../../../shared/events'
import { verdictOf } from '../../../shared/events'
import type { TraceMeta } from '../../../shared/trace'
import type { Monitor } from '../monitor/Monitor'
import { EventRecorder } from '../session/EventRecorder'
import type { KillSignal, RunEventListener, RunHandle } from '../session/RunHandle'
import { RunSampling } from '../session/RunSampling'
import { traceMeta } from '../trace/traceMeta'
import type { TreeChanges, TreeSpawn } from './TreeWatcher'
import { TreeWatcher } from './TreeWatcher'

export const ATTACH_SCENARIO = 'attach'
/** How often the tree is polled for spawns and exits (a child living 50 ms is seen). */
export const DISCOVERY_HZ = 50

export interface AttachOptions {
  /** Ends the watch after this long (ms); it runs until the tree is gone otherwise. */
  timeoutMs?: number
  discoveryHz?: number
}

export class AttachRun implements RunHandle {
  readonly kind = 'attach'
  readonly startedAt = Date.now()
  readonly hostPid = process.pid
  readonly events = new EventRecorder()
  status: RunStatus = 'running'
  verdict: Verdict | undefined
  done: Promise<void>
  /** The root's command line, as read when the watch started. */
  readonly command: string
  private readonly t0 = performance.now()
  private readonly sampling: RunSampling
  private timer: NodeJS.Timeout | undefined
  private timeout: NodeJS.Timeout | undefined
  private finished!: () => void

  /** Throws if `pid` is not a live process (nothing is recorded then). */
  constructor(
    readonly id: string,
    readonly pid: number,
    private readonly listener: RunEventListener,
    monitor: Monitor,
    private readonly opts: AttachOptions = {},
    private readonly tree = new TreeWatcher(pid)
  ) {
    const first = tree.start()
    if (!first) {
      tree.close()
      throw new Error(`no live process with pid ${pid}`)
    }
    this.command = first[0]!.command
    this.sampling = new RunSampling(this, monitor)
    this.done = new Promise((resolve) => (this.finished = resolve))
    this.first = first
  }

  private first: TreeSpawn[] | undefined

  /** Records the tree as it is and starts watching it (once). */
  start(): this {
    const first = this.first
    this.first = undefined
    if (first) this.begin(first)
    return this
  }

  info(): RunInfo {
    return {
      id: this.id,
      scenario: ATTACH_SCENARIO,
      params: { pid: this.pid, command: this.command },
      status: this.status,
      startedAt: this.startedAt,
      hostPid: this.hostPid,
      kind: this.kind,
      replay: false,
      ...(this.verdict ? { verdict: this.verdict } : {})
    }
  }

  traceMeta(): TraceMeta {
    return traceMeta(this.info())
  }

  readonly emit = (event: UnstampedEvent): void => {
    const stamped = { ...event, t: performance.now() - this.t0 } as RunEvent
    this.events.push(stamped)
    this.listener(this, stamped)
  }

  /** Ends the watch; the processes go on. */
  async stop(): Promise<void> {
    if (this.status === 'running') await this.end('stopped')
    return this.done
  }

  /** Signals a live member of the watched tree (the user's explicit action). */
  killProcess(pid: number, signal: KillSignal): boolean {
    if (!this.tree.live.has(pid)) return false
    try {
      process.kill(pid, signal)
      return true
    } catch {
      return false
    }
  }

  private begin(first: TreeSpawn[]): void {
    this.emit({
      type: 'run.start',
      scenario: ATTACH_SCENARIO,
      params: { pid: this.pid, command: this.command },
      hostPid: this.hostPid
    })
    first.forEach((p, i) => this.spawned(p, i === 0 ? 'attached' : 'child'))
    if (/(^|\/)python[\d.]*(\s|$)/.test(this.command)) {
      this.emit({
        type: 'log',
        level: 'info',
        text:
          'A Python program started outside PoolScope: its processes, CPU and memory are shown, ' +
          'but its queues and locks are not visible without the PoolScope shim. ' +
          'Start it under PoolScope to see them.'
      })
    }
    this.sampling.start()
    const period = 1000 / (this.opts.discoveryHz ?? DISCOVERY_HZ)
    this.timer = setInterval(() => this.poll(), period)
    // The watch ran as long as asked: finished, not stopped.
    if (this.opts.timeoutMs !== undefined)
      this.timeout = setTimeout(() => void this.end('finished'), this.opts.timeoutMs)
  }

  private poll(): void {
    if (this.status !== 'running') return
    let changes: TreeChanges
    try {
      changes = this.tree.poll()
    } catch (err) {
      this.emit({ type: 'log', level: 'warn', text: `attach: ${String(err)}` })
      return
    }
    changes.spawned.forEach((p) => this.spawned(p, 'child'))
    for (const e of changes.exited) {
      this.emit({ type: 'proc.exit', pid: e.pid, code: e.code, signal: signalName(e.signal) })
    }
    if (this.tree.live.size === 0) void this.end('finished')
  }

  private spawned(p: TreeSpawn, role: string): void {
    this.emit({ type: 'proc.spawn', pid: p.pid, ppid: p.ppid, name: p.name, role })
  }

  private async end(status: RunStatus): Promise<void> {
    if (this.status !== 'running') return
    this.status = status === 'finished' ? 'finished' : 'stopping'
    clearInterval(this.timer)
    clearTimeout(this.timeout)
    await this.sampling.finish()
    this.tree.close()
    if (status === 'stopped') this.status = 'stopped'
    this.verdict = verdictOf([])
    this.emit({
      type: 'run.end',
      status: this.status,
      hostPid: this.hostPid,
      result: { pid: this.pid },
      verdict: this.verdict
    })
    this.finished()
  }
}

function signalName(n: number | null): string | null {
  if (n === null) return null
  const entry = Object.entries(constants.signals).find(([, v]) => v === n)
  return entry ? entry[0] : `SIG${n}`
}
