// The sampler's schedule: 10 Hz while anything is watched (a live run), 1 Hz when idle, both
// configurable. One tick reads the machine, the host and every watched process at once, so
// several runs at a time cost one tick, and each watcher gets the rows of its own processes.
import { performance } from 'node:perf_hooks'
import type { ProcReader } from './ProcReader'
import type { Snapshot } from './Sampler'
import { Sampler } from './Sampler'

export const LIVE_HZ = 10
export const IDLE_HZ = 1
export const MAX_HZ = 100

export interface MonitorOptions {
  /** Ticks per second while something is watched. */
  liveHz?: number
  /** Ticks per second otherwise (keeps the core baselines fresh for the next run). */
  idleHz?: number
  reader?: ProcReader
  /** The host's PID, in every snapshot (default: this process). */
  hostPid?: number
}

export interface WatchOptions {
  /** The PIDs to sample at this tick (the host is always added, first). */
  pids(): readonly number[]
  /** Each scheduled tick's snapshot: cores, the host's row, then the rows of `pids()`. */
  onSnapshot(snapshot: Snapshot): void
  onError?(err: Error): void
}

export interface MonitorWatch {
  /** Records an exit its owner saw; the row stays, marked, until the watch is closed. */
  exited(pid: number, code: number | null, signal: string | null): void
  /** Ends the watch and drops its rows; with `final`, first takes and returns a last snapshot. */
  close(final?: boolean): Promise<Snapshot | undefined>
}

interface WatchState {
  opts: WatchOptions
  /** Every PID this watch asked about, to drop their rows when it closes. */
  seen: Set<number>
}

export class Monitor {
  readonly sampler: Sampler
  readonly hostPid: number
  readonly liveHz: number
  readonly idleHz: number
  /** The last scheduled snapshot (host and every watched process). */
  latest: Snapshot | undefined
  private readonly watches = new Set<WatchState>()
  private running = false
  private timer: NodeJS.Timeout | undefined
  private deadline = 0
  private queue: Promise<unknown> = Promise.resolve()

  constructor(opts: MonitorOptions = {}) {
    this.liveHz = checkHz(opts.liveHz ?? LIVE_HZ, 'liveHz')
    this.idleHz = checkHz(opts.idleHz ?? IDLE_HZ, 'idleHz')
    this.hostPid = opts.hostPid ?? process.pid
    this.sampler = new Sampler(opts.reader)
  }

  /** The current pace: live while anything is watched. */
  get rateHz(): number {
    return this.watches.size > 0 ? this.liveHz : this.idleHz
  }

  get watchCount(): number {
    return this.watches.size
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.schedule(true)
  }

  /** Stops ticking (after the tick in progress, if any). */
  async stop(): Promise<void> {
    this.running = false
    clearTimeout(this.timer)
    this.timer = undefined
    await this.queue
  }

  async close(): Promise<void> {
    await this.stop()
    this.sampler.close()
  }

  /** Samples `opts.pids()` at the live pace until the watch is closed; starts the monitor. */
  watch(opts: WatchOptions): MonitorWatch {
    const state: WatchState = { opts, seen: new Set() }
    const wasIdle = this.watches.size === 0
    this.watches.add(state)
    if (!this.running) this.start()
    else if (wasIdle) this.schedule(true) // leave the idle pace now, not in up to a second
    return {
      exited: (pid, code, signal) => {
        state.seen.add(pid)
        this.sampler.table.markExited(pid, code, signal)
        // its row stays; what the reader holds for it (an open descriptor) goes now, so a
        // long run that churns through processes does not pile up descriptors
        this.sampler.reader.forget(pid)
      },
      close: (final = false) => this.enqueue(() => this.unwatch(state, final))
    }
  }

  /** One tick now, outside the schedule (in turn with scheduled ones). */
  sampleNow(): Promise<Snapshot> {
    return this.enqueue(() => this.tick())
  }

  private schedule(restart: boolean): void {
    clearTimeout(this.timer)
    const period = 1000 / this.rateHz
    const now = performance.now()
    this.deadline = restart ? now + period : this.deadline + period
    // Behind schedule (a slow tick, a busy host): skip ticks rather than bunch them up.
    if (this.deadline < now) this.deadline = now + period
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.enqueue(() => this.tick())
        .catch(() => undefined) // already reported to the watchers
        .finally(() => {
          if (this.running) this.schedule(false)
        })
    }, this.deadline - now)
    // The monitor never keeps a process alive on its own.
    this.timer.unref()
  }

  private async tick(): Promise<Snapshot> {
    const watches = [...this.watches]
    const asked = watches.map((w) => this.pidsOf(w))
    let snap: Snapshot
    try {
      snap = await this.sampler.tick(unique([this.hostPid, ...asked.flat()]))
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err))
      for (const w of watches) w.opts.onError?.(error)
      throw error
    }
    this.latest = snap
    const rows = new Map(snap.procs.map((r) => [r.pid, r]))
    watches.forEach((w, i) => {
      if (!this.watches.has(w)) return
      const procs = unique([this.hostPid, ...asked[i]!]).map((pid) => rows.get(pid)!)
      try {
        w.opts.onSnapshot({ t: snap.t, cores: snap.cores, procs })
      } catch {
        // one watcher's failure is its own
      }
    })
    return snap
  }

  private async unwatch(state: WatchState, final: boolean): Promise<Snapshot | undefined> {
    if (!this.watches.delete(state)) return undefined
    let last: Snapshot | undefined
    if (final) {
      try {
        last = await this.sampler.tick(unique([this.hostPid, ...this.pidsOf(state)]))
      } catch (err) {
        state.opts.onError?.(err instanceof Error ? err : new Error(String(err)))
      }
    }
    const others = [...this.watches]
    for (const pid of state.seen) {
      if (pid !== this.hostPid && !others.some((w) => w.seen.has(pid))) this.sampler.forget(pid)
    }
    return last
  }

  private pidsOf(w: WatchState): number[] {
    try {
      const pids = [...w.opts.pids()]
      pids.forEach((pid) => w.seen.add(pid))
      return pids
    } catch {
      return []
    }
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.queue.then(job)
    this.queue = result.catch(() => undefined)
    return result
  }
}

function checkHz(hz: number, name: string): number {
  if (typeof hz !== 'number' || !Number.isFinite(hz) || hz <= 0 || hz > MAX_HZ) {
    throw new RangeError(`${name} must be ticks per second in (0, ${MAX_HZ}], got ${String(hz)}`)
  }
  return hz
}

function unique(pids: readonly number[]): number[] {
  return [...new Set(pids)]
}
