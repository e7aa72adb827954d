// A mutual-exclusion lock across processes, like Python's multiprocessing.Lock, but FIFO fair:
// waiters get it in the order they asked. The host owns it; children acquire through their
// channel. If a holder dies, the lock is released and the event says it was abandoned.
import type { EventSink } from '../eventSink'
import { discardEvents } from '../eventSink'
import type { HandleRef } from '../protocol'
import type { BrokerMessage, ChildLink } from './ChildLink'
import { checkTimeout } from './checkArgs'
import { abortableWait } from './abortableWait'
import { Deque } from './Deque'
import type { Shareable } from './shareable'
import { SHAREABLE } from './shareable'

export interface LockOptions {
  name?: string
  sink?: EventSink
}

interface Holder {
  pid: number
  link?: ChildLink
}
interface Waiter extends Holder {
  grant(got: boolean): void
  timer?: NodeJS.Timeout
}

let nextId = 1

export class Lock implements Shareable {
  readonly [SHAREABLE] = true as const
  readonly id = `lock-${nextId++}`
  readonly name: string
  private readonly sink: EventSink
  private holder: Holder | null = null
  private readonly waiters = new Deque<Waiter>()

  constructor(opts: LockOptions = {}) {
    this.name = opts.name ?? this.id
    this.sink = opts.sink ?? discardEvents
  }

  /** PID of the process holding the lock, or null. */
  get holderPid(): number | null {
    return this.holder?.pid ?? null
  }

  locked(): boolean {
    return this.holder !== null
  }

  /** Number of processes waiting for the lock. */
  waiting(): number {
    return this.waiters.length
  }

  /**
   * Acquires for the host; resolves false if `timeoutMs` passes first, rejects with the
   * signal's reason if `signal` aborts first. Not re-entrant.
   */
  acquire(timeoutMs?: number, signal?: AbortSignal): Promise<boolean> {
    checkTimeout(timeoutMs, 'timeoutMs')
    return abortableWait<boolean>(signal, (grant) => {
      const w: Waiter = { pid: process.pid, grant }
      this.doAcquire(w, timeoutMs)
      return () => {
        if (![...this.waiters].includes(w)) return false
        this.waiters.removeWhere((x) => x === w)
        if (w.timer) clearTimeout(w.timer)
        return true
      }
    })
  }

  /** Releases the host's hold; throws if the host does not hold it. */
  release(): void {
    if (this.holder?.pid !== process.pid || this.holder.link) {
      throw new Error(`lock '${this.name}': release() by the host, which does not hold it`)
    }
    this.doRelease(false)
  }

  refFor(): HandleRef {
    return { $ps: 'lock', id: this.id, name: this.name }
  }

  onChildMessage(link: ChildLink, msg: BrokerMessage): void {
    if (msg.type === 'lock.acquire') {
      const grant = (got: boolean): void => link.reply(msg.req, got)
      this.doAcquire({ pid: link.pid!, link, grant }, msg.timeoutMs)
    } else if (msg.type === 'lock.release') {
      if (this.holder?.link !== link) {
        link.warn(`lock '${this.name}': pid ${link.pid} released it without holding it; ignored`)
        return
      }
      this.doRelease(false)
    }
  }

  onChildExit(link: ChildLink): void {
    this.waiters.removeWhere((w) => {
      if (w.link !== link) return false
      if (w.timer) clearTimeout(w.timer)
      return true
    })
    if (this.holder?.link === link) this.doRelease(true)
  }

  private doAcquire(w: Waiter, timeoutMs: number | undefined): void {
    if (this.holder === null && this.waiters.length === 0) return this.grant(w)
    if (timeoutMs === 0) return w.grant(false)
    this.sink({ type: 'lock.wait', lock: this.name, pid: w.pid })
    if (timeoutMs !== undefined) {
      w.timer = setTimeout(() => {
        this.waiters.removeWhere((x) => x === w)
        this.sink({ type: 'lock.timeout', lock: this.name, pid: w.pid })
        w.grant(false)
      }, timeoutMs)
    }
    this.waiters.push(w)
  }

  private grant(w: Waiter): void {
    if (w.timer) clearTimeout(w.timer)
    this.holder = { pid: w.pid, link: w.link }
    this.sink({ type: 'lock.acquire', lock: this.name, pid: w.pid })
    w.grant(true)
  }

  private doRelease(abandoned: boolean): void {
    const pid = this.holder!.pid
    this.holder = null
    this.sink({
      type: 'lock.release',
      lock: this.name,
      pid,
      ...(abandoned ? { abandoned: true } : {})
    })
    const next = this.waiters.shift()
    if (next) this.grant(next)
  }
}
