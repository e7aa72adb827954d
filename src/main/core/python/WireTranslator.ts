// Turns the shim's checked messages, in time order, into the run's events: objects get the
// names a person reads ('queue', 'lock-2', … in the order the program made them; objects
// multiprocessing made for itself are dropped), tasks and messages get numbers, a process is
// spawned once and exits once, depths become queue.depth events.
import { constants } from 'node:os'
import type { UnstampedEvent } from '../../../shared/events'
import type { WireMessage } from './wire'

type Kind = 'queue' | 'lock' | 'pipe'

/** Tasks queued and not yet started, over every pool of the program (the pool's task queue
 *  is multiprocessing's own: its depth is counted from the tasks, not read from it). */
export const POOL_TASKS = 'pool:pool'

/** How long a forked child's own report waits for its parent's, which names it. */
export const DEFER_MS = 200

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name]))

export function signalName(signum: number | null | undefined): string | null {
  if (signum === null || signum === undefined) return null
  return SIGNAL_NAMES.get(signum) ?? `signal ${signum}`
}

export class WireTranslator {
  private readonly names = new Map<string, string>()
  private readonly counts = { queue: 0, lock: 0, pipe: 0 }
  private readonly tasks = new Map<string, number>()
  private readonly sent = new Map<string, number>()
  private readonly got = new Map<string, number>()
  /** PIDs spawned, and those that have exited. */
  readonly spawned = new Map<number, { name: string; role: string; ppid: number }>()
  readonly exited = new Set<number>()
  private waitingTasks = 0
  /** Generic hellos ('fork child') held briefly for the parent's report, which names them. */
  private readonly deferred = new Map<number, { ppid: number; since: number }>()
  /** Events from objects the program did not declare (multiprocessing's own): dropped. */
  internal = 0

  constructor(private readonly emit: (event: UnstampedEvent) => void) {}

  /** Records a process not announced by the shim (found in /proc, or its exit reported). */
  spawn(pid: number, ppid: number, name: string, role: string, parent?: number): void {
    if (this.spawned.has(pid)) return
    this.spawned.set(pid, { name, role, ppid })
    this.emit({
      type: 'proc.spawn',
      pid,
      ppid,
      name,
      role,
      ...(parent !== undefined && parent !== ppid ? { parent } : {})
    })
  }

  exit(pid: number, code: number | null, signal: string | null, ppid = 0): void {
    if (this.exited.has(pid)) return
    this.undefer(pid)
    if (!this.spawned.has(pid)) this.spawn(pid, ppid, `pid ${pid}`, 'external')
    this.exited.add(pid)
    this.emit({ type: 'proc.exit', pid, code, signal })
  }

  /** Spawns held longer than `DEFER_MS` (at time `t`) are recorded as they are. */
  tick(t: number): void {
    for (const [pid, d] of this.deferred) if (t - d.since >= DEFER_MS) this.undefer(pid)
  }

  private undefer(pid: number): void {
    const d = this.deferred.get(pid)
    if (!d) return
    this.deferred.delete(pid)
    this.spawn(pid, d.ppid, 'fork child', 'fork')
  }

  /** `m` at run time `t` (messages come in time order). */
  take(m: WireMessage, t: number): void {
    if (this.deferred.size > 0 && m.type !== 'proc.spawn') {
      // A held process shows up before anything it does.
      if ('pid' in m && m.pid !== undefined) this.undefer(m.pid)
      if ('worker' in m) this.undefer(m.worker)
    }
    switch (m.type) {
      case 'launcher':
        return
      case 'obj':
        if (!m.user) return
        this.declare(m.kind, m.ids)
        return
      case 'signal':
        this.emit({
          type: 'log',
          level: 'info',
          text: `pid ${m.pid} sent ${signalName(m.signum) ?? 'signal 0'} to pid ${m.target}`
        })
        return
      case 'coalesce':
        this.emit({
          type: 'log',
          level: 'warn',
          topic: 'coalesced',
          text:
            `pid ${m.pid} reports more than ${m.budget} events in ${m.window_ms} ms: from now on ` +
            'its queue, lock and pipe events are merged per object (queue and pipe message numbers ' +
            'stay exact, lock pairs are shown once per merge, depth is sampled)'
        })
        return
      case 'proc.spawn': {
        if (this.spawned.has(m.pid)) return
        const held = this.deferred.get(m.pid)
        if (held) {
          this.deferred.delete(m.pid)
          this.spawn(m.pid, held.ppid, m.name, m.role, m.parent ?? m.ppid)
        } else if (m.hello && m.role === 'fork')
          this.deferred.set(m.pid, { ppid: m.ppid, since: t })
        else this.spawn(m.pid, m.ppid, m.name, m.role, m.parent)
        return
      }
      case 'proc.exit':
        this.exit(m.pid, m.code, signalName(m.signum), m.by ?? 0)
        return
      case 'queue.put':
      case 'queue.get': {
        const queue = this.names.get(m.queue)
        if (!queue) return void this.internal++
        const counter = m.type === 'queue.put' ? this.sent : this.got
        // A merged line (n events past the budget) moves the count by n: the last one's number.
        const msg = (counter.get(queue) ?? 0) + (m.n ?? 1)
        counter.set(queue, msg)
        const { depth } = m
        this.emit(
          m.type === 'queue.put' && m.blocked
            ? { type: m.type, queue, pid: m.pid, msg, blocked: true }
            : { type: m.type, queue, pid: m.pid, msg }
        )
        // SimpleQueue has no count of its own: puts − gets.
        const d = depth >= 0 ? depth : (this.sent.get(queue) ?? 0) - (this.got.get(queue) ?? 0)
        this.emit({ type: 'queue.depth', queue, depth: d })
        return
      }
      case 'queue.wait':
      case 'queue.timeout': {
        const queue = this.names.get(m.queue)
        if (!queue) return void this.internal++
        this.emit({ type: m.type, queue, pid: m.pid, op: m.op })
        return
      }
      case 'lock.wait':
      case 'lock.acquire':
      case 'lock.release':
      case 'lock.timeout': {
        const lock = this.names.get(m.lock)
        if (!lock) return void this.internal++
        this.emit({ type: m.type, lock, pid: m.pid })
        return
      }
      case 'pipe.send':
      case 'pipe.recv': {
        const pipe = this.names.get(m.pipe)
        if (!pipe) return void this.internal++
        const counter = m.type === 'pipe.send' ? this.sent : this.got
        const n = m.n ?? 1
        const msg = (counter.get(pipe) ?? 0) + n
        counter.set(pipe, msg)
        this.emit({
          type: m.type,
          pipe,
          pid: m.pid,
          bytes: m.bytes,
          msg,
          ...(n > 1 ? { count: n } : {})
        })
        return
      }
      case 'pipe.close': {
        const pipe = this.names.get(m.pipe)
        if (!pipe) return void this.internal++
        this.emit({ type: 'pipe.close', pipe, pid: m.pid })
        return
      }
      case 'stdout':
      case 'stderr':
        this.emit({ type: m.type, pid: m.pid, text: m.text })
        return
      case 'task.queued':
        this.emit({ type: 'task.queued', task: this.task(m.key), name: m.name })
        this.emit({ type: 'queue.depth', queue: POOL_TASKS, depth: ++this.waitingTasks })
        return
      case 'task.start':
        this.emit({ type: 'task.start', task: this.task(m.key), worker: m.worker })
        this.waitingTasks = Math.max(0, this.waitingTasks - 1)
        this.emit({ type: 'queue.depth', queue: POOL_TASKS, depth: this.waitingTasks })
        return
      case 'task.end':
        this.emit({
          type: 'task.end',
          task: this.task(m.key),
          worker: m.worker,
          ok: m.ok,
          ...(m.error !== undefined ? { error: m.error } : {})
        })
        return
    }
  }

  private declare(kind: Kind, ids: string[]): void {
    if (ids.some((id) => this.names.has(id))) return
    const n = ++this.counts[kind]
    const name = n === 1 ? kind : `${kind}-${n}`
    for (const id of ids) this.names.set(id, name)
  }

  private task(key: string): number {
    let n = this.tasks.get(key)
    if (n === undefined) {
      n = this.tasks.size + 1
      this.tasks.set(key, n)
    }
    return n
  }
}
