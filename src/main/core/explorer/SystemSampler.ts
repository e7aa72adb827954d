// The explorer's sampler: the whole machine at 1 Hz, but only while someone looks. A caller
// asks for the snapshot after the one it has (`next(after)`), and the call answers when the
// host has taken it: the host sets the pace and pushes, the renderer keeps no timer. With no
// caller for IDLE_STOP_MS, ticking stops (a closed explorer costs nothing).
import { performance } from 'node:perf_hooks'
import type { SystemSnapshot } from '../../../shared/system'
import { Machine } from '../monitor/Machine'
import { createSystemReader } from './createSystemReader'
import type { SystemReader } from './SystemReader'

export const SYSTEM_HZ = 1
export const IDLE_STOP_MS = 5000

export interface SystemSamplerOptions {
  reader?: SystemReader
  hz?: number
  hostPid?: number
}

export class SystemSampler {
  readonly reader: SystemReader
  readonly hostPid: number
  latest: SystemSnapshot | undefined
  private readonly periodMs: number
  private readonly machine = new Machine()
  private waiters: ((s: SystemSnapshot) => void)[] = []
  private timer: NodeJS.Timeout | undefined
  private lastAsked = 0
  private seq = 0
  private ticking: Promise<SystemSnapshot> | undefined
  private closed = false

  constructor(opts: SystemSamplerOptions = {}) {
    this.reader = opts.reader ?? createSystemReader()
    this.hostPid = opts.hostPid ?? process.pid
    this.periodMs = 1000 / (opts.hz ?? SYSTEM_HZ)
  }

  /** The first snapshot newer than `after` (the latest one at once if it is newer; without
   *  `after`, the latest or a fresh one). Keeps the sampler ticking. */
  next(after?: number): Promise<SystemSnapshot> {
    if (this.closed) return Promise.reject(new Error('the explorer sampler is closed'))
    this.lastAsked = performance.now()
    const latest = this.latest
    if (latest && (after === undefined || latest.seq > after)) {
      this.schedule()
      return Promise.resolve(latest)
    }
    if (!latest) return this.tickNow()
    return new Promise((resolve) => {
      this.waiters.push(resolve)
      this.schedule()
    })
  }

  /** One tick now (in turn with a tick in progress). */
  tickNow(): Promise<SystemSnapshot> {
    this.ticking ??= this.tick().finally(() => (this.ticking = undefined))
    return this.ticking
  }

  close(): void {
    this.closed = true
    clearTimeout(this.timer)
    this.reader.close()
    this.machine.close()
  }

  private schedule(): void {
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.tickNow()
        .catch(() => undefined) // the next call asks again
        .finally(() => {
          if (performance.now() - this.lastAsked < IDLE_STOP_MS || this.waiters.length > 0)
            this.schedule()
        })
    }, this.periodMs)
    this.timer.unref()
  }

  private async tick(): Promise<SystemSnapshot> {
    const procs = await this.reader.readAll()
    const cores = this.machine.update()
    const snap: SystemSnapshot = {
      seq: ++this.seq,
      at: Date.now(),
      hostPid: this.hostPid,
      hostUid: typeof process.getuid === 'function' ? process.getuid() : null,
      reader: this.reader.kind,
      cores,
      procs
    }
    this.latest = snap
    const waiters = this.waiters
    this.waiters = []
    waiters.forEach((w) => w(snap))
    return snap
  }
}
