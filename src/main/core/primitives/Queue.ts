// A FIFO queue usable from the host and from any child it is passed to, like Python's
// multiprocessing.Queue. The host owns the items; children put and get through their channel.
// Every put, get and depth change is an event (with the PID that did it).
import type { UnstampedEvent } from '../../../shared/events'
import type { EventSink } from '../eventSink'
import { discardEvents } from '../eventSink'
import type { HandleRef } from '../protocol'
import { namedError } from '../protocol'
import type { BrokerMessage, ChildLink } from './ChildLink'
import { checkSerialisable, checkTimeout } from './checkArgs'
import { abortableWait } from './abortableWait'
import { Deque } from './Deque'
import type { Shareable } from './shareable'
import { SHAREABLE } from './shareable'

export interface QueueOptions {
  /** 0 (default) = unbounded; otherwise put waits while the queue holds this many items. */
  maxsize?: number
  name?: string
  sink?: EventSink
}

export interface QueueWaitOptions {
  /** Reject with Full (put) or Empty (get) after this many ms. */
  timeoutMs?: number
  /** Gives up waiting when aborted: the call rejects with the signal's reason. */
  signal?: AbortSignal
}

interface Waiter {
  pid: number
  link?: ChildLink
  /** A child's request number (0 = a note that wants no answer). */
  req?: number
  timer?: NodeJS.Timeout
}
interface Getter extends Waiter {
  deliver(this: Getter, item: unknown): void
  fail(this: Getter, err: Error): void
}
interface Putter extends Waiter {
  item: unknown
  done(this: Putter, err?: Error): void
}

// A child's waits are answered over its link by these shared functions (`this` = the waiter),
// so that a stream of puts from a child allocates no closures per message.
function answerPut(this: Putter, err?: Error): void {
  if (err) this.link!.replyError(this.req!, err)
  else this.link!.reply(this.req!, true)
}
function answerGet(this: Getter, item: unknown): void {
  this.link!.reply(this.req!, item)
}
function failGet(this: Getter, err: Error): void {
  this.link!.replyError(this.req!, err)
}

let nextId = 1

export class Queue implements Shareable {
  readonly [SHAREABLE] = true as const
  readonly id = `queue-${nextId++}`
  readonly name: string
  readonly maxsize: number
  private readonly sink: EventSink
  private readonly items = new Deque<{ msg: number; item: unknown }>()
  private readonly getters = new Deque<Getter>()
  private readonly putters = new Deque<Putter>()
  private seq = 0
  private closed = false

  constructor(opts: QueueOptions = {}) {
    const maxsize = opts.maxsize ?? 0
    if (!Number.isInteger(maxsize) || maxsize < 0) {
      throw new RangeError(`maxsize must be a non-negative integer, got ${String(maxsize)}`)
    }
    this.maxsize = maxsize
    this.name = opts.name ?? this.id
    this.sink = opts.sink ?? discardEvents
  }

  qsize(): number {
    return this.items.length
  }

  empty(): boolean {
    return this.items.length === 0
  }

  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize
  }

  /** Puts from the host; waits while the queue is full. */
  put(item: unknown, opts: QueueWaitOptions = {}): Promise<void> {
    checkSerialisable(item, 'item')
    const timeoutMs = checkTimeout(opts.timeoutMs, 'timeoutMs')
    return abortableWait<void>(opts.signal, (resolve, reject) => {
      const p: Putter = { pid: process.pid, item, done: (e) => (e ? reject(e) : resolve()) }
      this.doPut(p, timeoutMs)
      return () => this.cancel(this.putters, p)
    })
  }

  /** Gets in the host; waits while the queue is empty. */
  get(opts: QueueWaitOptions = {}): Promise<unknown> {
    const timeoutMs = checkTimeout(opts.timeoutMs, 'timeoutMs')
    // An item is there: no wait to set up (a host draining a stream takes this path per item).
    if (!opts.signal && !this.closed && this.items.length > 0) {
      const item = this.take(process.pid)
      this.admitWaitingPutter()
      return Promise.resolve(item)
    }
    return abortableWait<unknown>(opts.signal, (resolve, reject) => {
      const g: Getter = { pid: process.pid, deliver: resolve, fail: reject }
      this.doGet(g, timeoutMs)
      return () => this.cancel(this.getters, g)
    })
  }

  /** No more puts or gets; whoever waits is rejected. Items left stay counted by qsize(). */
  close(): void {
    if (this.closed) return
    this.closed = true
    const err = this.closedError()
    for (const g of this.getters.drain()) this.unwait(g).fail(err)
    for (const p of this.putters.drain()) this.unwait(p).done(err)
  }

  refFor(): HandleRef {
    return { $ps: 'queue', id: this.id, name: this.name, maxsize: this.maxsize }
  }

  onChildMessage(link: ChildLink, msg: BrokerMessage): void {
    const pid = link.pid!
    if (msg.type === 'q.put') {
      this.doPut({ pid, link, req: msg.req, item: msg.item, done: answerPut }, msg.timeoutMs)
    } else if (msg.type === 'q.get') {
      const g: Getter = { pid, link, req: msg.req, deliver: answerGet, fail: failGet }
      this.doGet(g, msg.timeoutMs)
    } else if (msg.type === 'q.size') {
      link.reply(msg.req, this.items.length)
    }
  }

  onChildExit(link: ChildLink): void {
    const gone = (w: Waiter): boolean => (w.link === link ? (this.unwait(w), true) : false)
    this.getters.removeWhere(gone)
    this.putters.removeWhere(gone)
  }

  private doPut(p: Putter, timeoutMs: number | undefined): void {
    if (this.closed) return p.done(this.closedError())
    if (!this.full()) return this.admit(p, false)
    if (timeoutMs === 0) return p.done(this.fullError(0))
    this.sink({ type: 'queue.wait', queue: this.name, pid: p.pid, op: 'put' })
    if (timeoutMs !== undefined) {
      p.timer = setTimeout(() => {
        this.putters.removeWhere((x) => x === p)
        this.sink({ type: 'queue.timeout', queue: this.name, pid: p.pid, op: 'put' })
        p.done(this.fullError(timeoutMs))
      }, timeoutMs)
    }
    this.putters.push(p)
  }

  private admit(p: Putter, blocked: boolean): void {
    const msg = ++this.seq
    this.items.push({ msg, item: p.item })
    this.sink(
      blocked
        ? { type: 'queue.put', queue: this.name, pid: p.pid, msg, blocked: true }
        : { type: 'queue.put', queue: this.name, pid: p.pid, msg }
    )
    this.sink(this.depthEvent())
    p.done()
    const g = this.getters.shift()
    if (g) this.handOut(this.unwait(g))
  }

  private doGet(g: Getter, timeoutMs: number | undefined): void {
    if (this.closed) return g.fail(this.closedError())
    if (this.items.length > 0) return this.handOut(g)
    if (timeoutMs === 0) return g.fail(this.emptyError(0))
    this.sink({ type: 'queue.wait', queue: this.name, pid: g.pid, op: 'get' })
    if (timeoutMs !== undefined) {
      g.timer = setTimeout(() => {
        this.getters.removeWhere((x) => x === g)
        this.sink({ type: 'queue.timeout', queue: this.name, pid: g.pid, op: 'get' })
        g.fail(this.emptyError(timeoutMs))
      }, timeoutMs)
    }
    this.getters.push(g)
  }

  private handOut(g: Getter): void {
    g.deliver(this.take(g.pid))
    this.admitWaitingPutter()
  }

  /** Takes the first item out for `pid` (there must be one). */
  private take(pid: number): unknown {
    const { msg, item } = this.items.shift()!
    this.sink({ type: 'queue.get', queue: this.name, pid, msg })
    this.sink(this.depthEvent())
    return item
  }

  private depthEvent(): UnstampedEvent {
    const depth = this.items.length
    return this.maxsize > 0
      ? { type: 'queue.depth', queue: this.name, depth, maxsize: this.maxsize }
      : { type: 'queue.depth', queue: this.name, depth }
  }

  /** A get made room: the first blocked put goes in. */
  private admitWaitingPutter(): void {
    const p = this.putters.shift()
    if (p) this.admit(this.unwait(p), true)
  }

  /** Takes a waiter out (an aborted wait); false if it was no longer waiting. */
  private cancel<W extends Waiter>(line: Deque<W>, w: W): boolean {
    if (![...line].includes(w)) return false
    line.removeWhere((x) => x === w)
    this.unwait(w)
    return true
  }

  private unwait<W extends Waiter>(w: W): W {
    if (w.timer) clearTimeout(w.timer)
    return w
  }

  private closedError(): Error {
    return namedError('ValueError', `queue '${this.name}' is closed`)
  }

  private fullError(ms: number): Error {
    return namedError(
      'Full',
      `queue '${this.name}' stayed full for ${ms} ms (maxsize ${this.maxsize})`
    )
  }

  private emptyError(ms: number): Error {
    return namedError('Empty', `queue '${this.name}' stayed empty for ${ms} ms`)
  }
}
