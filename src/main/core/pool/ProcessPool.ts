// A pool of worker processes, like CPython's multiprocessing.Pool: workers are forked up front,
// say `ready` before they get work and are reused; states running → closing (close(): queued
// work finishes) → terminated (terminate(): workers are killed). A worker that dies mid-task
// fails that task (naming pid, exit code and signal) and is replaced, unless workers die while
// starting: then the pool stops respawning and fails its work with a clear error.
import type { EventSink } from '../eventSink'
import { discardEvents } from '../eventSink'
import {
  checkPositiveInt,
  checkSerialisable,
  checkTaskName,
  checkTimeout
} from '../primitives/checkArgs'
import { chunk, defaultChunksize } from './chunking'
import type { PoolTask } from './PoolTask'
import { newTaskId } from './PoolTask'
import { PoolWorker } from './PoolWorker'
import { mapResults } from './mapResults'
import type { ResultIterator } from './mapResults'
import type { TaskQueue } from './TaskQueue'
import { fifoTaskQueue } from './TaskQueue'

export interface PoolOptions {
  processes: number
  /** A worker exits and is replaced after this many tasks (CPython's maxtasksperchild). */
  maxTasksPerChild?: number
  /** A task running longer is failed and its worker killed (and replaced). */
  taskTimeoutMs?: number
  name?: string
  sink?: EventSink
  taskQueue?: TaskQueue
}

export interface MapOptions {
  /** Items per task; default as CPython: about four tasks per worker. */
  chunksize?: number
  /** Extra arguments after each item: task(item, ...args). */
  args?: unknown[]
}

export type PoolState = 'running' | 'closing' | 'terminated'

/** How long terminate() waits after SIGTERM before SIGKILL. */
const TERMINATE_GRACE_MS = 1000

let nextPool = 1

export class ProcessPool {
  readonly processes: number
  readonly name: string
  state: PoolState = 'running'
  private readonly maxTasksPerChild: number | undefined
  private readonly taskTimeoutMs: number | undefined
  private readonly sink: EventSink
  private readonly queue: TaskQueue
  private readonly workers = new Set<PoolWorker>()
  private broken: Error | undefined
  private depthDirty = false
  private spawned = 0
  private allGone!: () => void
  private readonly gone = new Promise<void>((r) => (this.allGone = r))

  constructor(opts: PoolOptions) {
    this.processes = checkPositiveInt(opts.processes, 'processes')
    if (opts.maxTasksPerChild !== undefined) {
      this.maxTasksPerChild = checkPositiveInt(opts.maxTasksPerChild, 'maxTasksPerChild')
    }
    this.taskTimeoutMs = checkTimeout(opts.taskTimeoutMs, 'taskTimeoutMs')
    this.name = opts.name ?? `pool-${nextPool++}`
    this.sink = opts.sink ?? discardEvents
    this.queue = opts.taskQueue ?? fifoTaskQueue()
    for (let i = 0; i < this.processes; i++) this.spawn()
  }

  /** PIDs of the live workers. */
  pids(): number[] {
    return [...this.workers].filter((w) => w.link.isAlive()).map((w) => w.pid!)
  }

  /** Signals worker `pid` (a user killing a worker to watch the pool replace it). */
  killWorker(pid: number, signal: NodeJS.Signals): boolean {
    const w = [...this.workers].find((x) => x.pid === pid && x.link.isAlive())
    w?.link.kill(signal)
    return w !== undefined
  }

  /** Resolves once every worker said ready (rejects if the pool broke while starting). */
  async ready(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.link.ready))
  }

  /** Runs `task(...args)` on a worker (CPython's apply_async(...).get()). */
  apply(task: string, args: unknown[] = []): Promise<unknown> {
    checkTaskName(task)
    if (!Array.isArray(args)) throw new TypeError('args must be an array')
    checkSerialisable(args, 'args')
    return new Promise((resolve, reject) =>
      this.submit(task, args, false, task, (err, v) => (err ? reject(err) : resolve(v)))
    )
  }

  /** Results in item order; rejects with the first task error. */
  map(task: string, items: Iterable<unknown>, opts: MapOptions = {}): Promise<unknown[]> {
    const it = this.imap(task, items, opts)
    return it.all()
  }

  /** Results in item order, as they become available. */
  imap(task: string, items: Iterable<unknown>, opts: MapOptions = {}): ResultIterator {
    return this.mapTasks(task, items, opts, true)
  }

  /** Results in completion order. */
  imapUnordered(task: string, items: Iterable<unknown>, opts: MapOptions = {}): ResultIterator {
    return this.mapTasks(task, items, opts, false)
  }

  /** No more work accepted; queued work finishes, then the workers exit. */
  close(): void {
    if (this.state !== 'running') return
    this.state = 'closing'
    this.retireIfDone()
  }

  /** Kills the workers now; queued and running work fails. */
  async terminate(): Promise<void> {
    if (this.state !== 'terminated') {
      this.state = 'terminated'
      this.failQueued(new Error(`pool '${this.name}' was terminated`))
      const alive = [...this.workers]
      for (const w of alive) w.link.kill('SIGTERM')
      const timer = setTimeout(
        () => alive.forEach((w) => w.link.kill('SIGKILL')),
        TERMINATE_GRACE_MS
      )
      await Promise.all(alive.map((w) => w.link.exited))
      clearTimeout(timer)
    }
    await this.join()
  }

  /** Waits until every worker has exited; call close() or terminate() first. */
  join(): Promise<void> {
    if (this.state === 'running') {
      throw new Error(`pool '${this.name}' is still running: call close() or terminate() first`)
    }
    return this.gone
  }

  private mapTasks(
    task: string,
    items: Iterable<unknown>,
    opts: MapOptions,
    ordered: boolean
  ): ResultIterator {
    checkTaskName(task)
    if (
      items === null ||
      typeof (items as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function'
    ) {
      throw new TypeError('items must be iterable')
    }
    // An array is only read here (chunks are copies): no need to copy it first.
    const list = Array.isArray(items) ? (items as unknown[]) : [...items]
    checkSerialisable(list, 'items')
    const extra = opts.args ?? []
    checkSerialisable(extra, 'args')
    const size =
      opts.chunksize === undefined
        ? defaultChunksize(list.length, this.processes)
        : checkPositiveInt(opts.chunksize, 'chunksize')
    const results = mapResults(list.length, size, ordered)
    for (const c of chunk(list, size)) {
      const label =
        c.items.length === 1
          ? `${task}[${c.start}]`
          : `${task}[${c.start}..${c.start + c.items.length - 1}]`
      this.submit(task, [c.items, ...extra], true, label, (err, v) =>
        results.settle(c.start, c.items.length, err, v as unknown[])
      )
    }
    return results.iterator
  }

  private submit(
    task: string,
    args: unknown[],
    map: boolean,
    label: string,
    settle: PoolTask['settle']
  ): void {
    if (this.broken) throw this.broken
    if (this.state !== 'running')
      throw new Error(`pool '${this.name}' is ${this.state}: no new work`)
    const t: PoolTask = { id: newTaskId(), task, args, map, label, settle }
    this.queue.push(t)
    this.sink({ type: 'task.queued', task: t.id, name: label })
    this.depthChanged()
    this.dispatch()
  }

  private spawn(): void {
    const w = new PoolWorker(`${this.name}:worker-${++this.spawned}`, {
      sink: this.sink,
      taskTimeoutMs: this.taskTimeoutMs,
      onFree: () => {
        if (this.maxTasksPerChild !== undefined && w.assigned >= this.maxTasksPerChild) {
          if (w.inflight.length === 0 && !w.retiring) w.retire()
        }
        this.dispatch()
        this.retireIfDone()
      }
    })
    this.workers.add(w)
    w.link.ready.then(
      () => this.dispatch(),
      () => {} // handled on exit
    )
    void w.link.exited.then(() => this.onExit(w))
  }

  private onExit(w: PoolWorker): void {
    this.workers.delete(w)
    const { code, signal } = { code: w.link.exitCode, signal: w.link.signal }
    const { unstarted } = w.takeBack(code, signal)
    for (let i = unstarted.length - 1; i >= 0; i--) this.queue.unshift(unstarted[i]!)
    if (unstarted.length) this.depthChanged()
    if (!w.link.isReady && this.state !== 'terminated' && !this.broken) {
      this.broken = new Error(
        `pool '${this.name}': worker pid ${w.pid} exited while starting (exit code ${code}, signal ${signal}); not respawning`
      )
      this.sink({ type: 'log', level: 'error', text: this.broken.message })
      this.failQueued(this.broken)
      void this.terminate()
    }
    const needed = this.state === 'running' || (this.state === 'closing' && this.queue.length > 0)
    if (needed && !this.broken && this.workers.size < this.processes) this.spawn()
    if (this.workers.size === 0 && this.state !== 'running') this.allGone()
    this.dispatch()
  }

  /**
   * Hands queued tasks to ready workers, one each in turn (so a burst of long chunks spreads
   * over all workers). A worker is topped up to its window only once it is down to half of it:
   * fewer, larger writes (each write wakes the worker, which is what costs).
   */
  private dispatch(): void {
    if (this.queue.length === 0) return
    const takers: { w: PoolWorker; room: number }[] = []
    for (const w of this.workers) {
      if (!w.link.isReady || w.retiring || !w.link.isAlive()) continue
      const left =
        this.maxTasksPerChild === undefined ? Infinity : this.maxTasksPerChild - w.assigned
      const room = Math.min(w.window(), w.inflight.length + left)
      if (w.inflight.length <= room >> 1 && w.inflight.length < room) takers.push({ w, room })
    }
    for (let gave = true; gave && this.queue.length > 0;) {
      gave = false
      for (const { w, room } of takers) {
        if (w.inflight.length >= room || this.queue.length === 0) continue
        w.assign(this.queue.shift()!)
        gave = true
      }
    }
    for (const { w } of takers) w.send()
    this.depthChanged()
  }

  private retireIfDone(): void {
    if (this.state !== 'closing' || this.queue.length > 0) return
    for (const w of this.workers) if (w.inflight.length === 0 && !w.retiring) w.retire()
  }

  private failQueued(err: Error): void {
    const queued = this.queue.drain()
    if (queued.length) this.depthChanged()
    for (const t of queued) t.settle(err, undefined)
  }

  /** Depth events at most once per tick: 100,000 queued tasks are one event, not 100,000. */
  private depthChanged(): void {
    if (this.depthDirty) return
    this.depthDirty = true
    process.nextTick(() => {
      this.depthDirty = false
      this.sink({ type: 'queue.depth', queue: `pool:${this.name}`, depth: this.queue.length })
    })
  }
}
