// Child-side proxies for host objects passed to a task as arguments (HandleRef in protocol.ts):
// a task receives a QueueProxy, LockProxy or PipeProxy where the host passed a Queue, Lock or
// PipeEnd. Queue and Lock calls go to the host, which owns them; pipe bytes go straight to the
// other end's process, and only a note of each send/recv goes to the host.
import type { HandleRef } from '../protocol'
import { namedError } from '../protocol'
import { LineChannel, toJson } from './LineChannel'
import { parseLines } from './parseLines'
import { PipeInbox } from './PipeInbox'
import { PipeTally } from './PipeTally'
import type { PipeTallyReport } from './PipeTally'
import { hostDrained, notify, notifyLine, request, socketFor } from './runtime'

export interface TimeoutOption {
  /** Give up after this many ms (queue: reject with Full/Empty; lock: resolve false). */
  timeoutMs?: number
}

export class QueueProxy {
  /** The fixed start of this queue's put note, as JSON.stringify writes the whole message. */
  private readonly putLineStart: string

  constructor(private readonly ref: Extract<HandleRef, { $ps: 'queue' }>) {
    this.putLineStart = `{"type":"q.put","req":0,"queue":${JSON.stringify(ref.id)},"item":`
  }

  get name(): string {
    return this.ref.name
  }

  /** Resolves once the item is in the queue; on an unbounded queue that is at once, as in Python. */
  put(item: unknown, opts: TimeoutOption = {}): Promise<void> {
    if (this.ref.maxsize === 0) {
      // Only the item is stringified per put (undefined and the like: the message drops it).
      const json = toJson(item)
      if (json === undefined) notify({ type: 'q.put', req: 0, queue: this.ref.id, item })
      else notifyLine(this.putLineStart + json + '}')
      // A stream of puts yields while the channel is backed up, so the host takes the items
      // as they come rather than after the loop (and this process's memory stays bounded).
      return hostDrained()
    }
    return request({ type: 'q.put', queue: this.ref.id, item, ...opts }).then(() => undefined)
  }

  get(opts: TimeoutOption = {}): Promise<unknown> {
    return request({ type: 'q.get', queue: this.ref.id, ...opts })
  }

  qsize(): Promise<number> {
    return request({ type: 'q.size', queue: this.ref.id }) as Promise<number>
  }
}

export class LockProxy {
  constructor(private readonly ref: Extract<HandleRef, { $ps: 'lock' }>) {}

  get name(): string {
    return this.ref.name
  }

  /** FIFO across processes; resolves false if `timeoutMs` passes first. */
  async acquire(timeoutMs?: number): Promise<boolean> {
    return (await request({ type: 'lock.acquire', lock: this.ref.id, timeoutMs })) === true
  }

  release(): void {
    notify({ type: 'lock.release', lock: this.ref.id })
  }
}

const flushing = new Set<Promise<void>>()

/** Resolves once every pipe end closed in this process has handed its data to the OS. */
export async function pipesFlushed(): Promise<void> {
  await Promise.all(flushing)
}

/** What a send that need not wait returns (one promise for all of them). */
const SENT: Promise<void> = Promise.resolve()

/** How long a child's pipe counts may wait for company (see PipeTally). */
const TALLY_DELAY_MS = 2

export class PipeProxy {
  private channel: Promise<LineChannel> | undefined
  /** The channel once open: a stream of sends skips an await per message. */
  private opened: LineChannel | undefined
  private readonly inbox = new PipeInbox(() => this.eof())
  private closed = false
  private readonly sent: PipeTally
  private readonly received: PipeTally

  constructor(private readonly ref: Extract<HandleRef, { $ps: 'pipe' }>) {
    const report = (type: 'pipe.send' | 'pipe.recv') => (r: PipeTallyReport) =>
      notify({
        type,
        pipe: ref.id,
        bytes: r.bytes,
        msg: r.msg,
        ...(r.count > 1 ? { count: r.count } : {})
      })
    // Sent bytes come from the channel's count (one measure per write, not one per message).
    this.sent = new PipeTally(report('pipe.send'), TALLY_DELAY_MS, () =>
      this.opened ? this.opened.bytesQueued() : 0
    )
    this.received = new PipeTally(report('pipe.recv'), TALLY_DELAY_MS)
  }

  get name(): string {
    return this.ref.name
  }

  /**
   * Resolves once the message is on its way; waits while the socket's buffer is full, as
   * Python's blocking send. Once the channel is open, a send that need not wait costs no
   * promise of its own (a stream of sends is most of a pipe's work).
   */
  send(value: unknown): Promise<void> {
    const ch = this.opened
    if (!ch || !this.ref.canSend || this.closed || ch.isClosed) return this.sendSlowly(value)
    try {
      ch.send(value)
      this.sent.add(0) // the bytes: see the tally's channel count
    } catch (err) {
      return Promise.reject(err as Error) // JSON.stringify refused it (cycle, BigInt)
    }
    return ch.socket.writableNeedDrain ? ch.drained() : SENT
  }

  private async sendSlowly(value: unknown): Promise<void> {
    if (!this.ref.canSend) throw new Error(`pipe '${this.ref.name}': this end only receives`)
    if (this.closed) throw namedError('OSError', `pipe '${this.ref.name}': this end is closed`)
    const ch = this.opened ?? (await this.open())
    // As Python's send raises BrokenPipeError: a dead peer must not swallow a stream silently.
    if (ch.isClosed)
      throw namedError('BrokenPipeError', `pipe '${this.ref.name}': the other end is gone`)
    ch.send(value)
    this.sent.add(0)
    if (ch.socket.writableNeedDrain) await ch.drained()
  }

  /** The next message; rejects with EOFError once the other end closed and nothing is left. */
  recv(): Promise<unknown> {
    if (this.opened && this.ref.canRecv) return this.inbox.next(this.closed)
    return this.recvSlowly()
  }

  private async recvSlowly(): Promise<unknown> {
    if (!this.ref.canRecv) throw new Error(`pipe '${this.ref.name}': this end only sends`)
    if (!this.opened) await this.open()
    return this.inbox.next(this.closed)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.sent.flush() // the host records the sends before the close
    this.received.flush()
    // Data still buffered must reach the other end before this process exits (pipesFlushed).
    flushing.add(this.open().then((ch) => new Promise<void>((r) => ch.end(r))))
    notify({ type: 'pipe.close', pipe: this.ref.id })
  }

  private open(): Promise<LineChannel> {
    this.channel ??= socketFor(this.ref.key).then((socket) => {
      const ch = new LineChannel(socket, { lines: (text) => this.onLines(text) }, () =>
        this.onPeerClosed()
      )
      ch.countBytes = true
      return (this.opened = ch)
    })
    return this.channel
  }

  private onLines(text: string): void {
    const { values, bytes, bad } = parseLines(text)
    if (values.length > 0) {
      this.received.add(bytes, values.length)
      this.inbox.pushMany(values)
    }
    if (bad.length > 0) throw new SyntaxError(`pipe '${this.ref.name}': malformed message`)
  }

  private onPeerClosed(): void {
    this.inbox.peerClosedNow()
  }

  private eof(): Error {
    return namedError('EOFError', `pipe '${this.ref.name}': the other end is closed`)
  }
}

/** Replaces the handle refs in a task's arguments with proxies (one proxy per host object). */
export function decodeArgs(args: unknown[]): unknown[] {
  return decode(args) as unknown[]
}

const proxies = new Map<string, QueueProxy | LockProxy | PipeProxy>()

/** Copies only what contains a ref; plain JSON comes back as it was. */
function decode(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) {
    let out: unknown[] | undefined
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i]
      if (x === null || typeof x !== 'object') continue
      const d = decode(x)
      if (d !== x) (out ??= v.slice())[i] = d
    }
    return out ?? v
  }
  const ref = v as Partial<HandleRef>
  if (typeof ref.$ps === 'string') return proxyFor(v as HandleRef)
  let out: Record<string, unknown> | undefined
  for (const [k, x] of Object.entries(v)) {
    const d = decode(x)
    if (d !== x) (out ??= { ...v })[k] = d
  }
  return out ?? v
}

function proxyFor(r: HandleRef): QueueProxy | LockProxy | PipeProxy {
  const key = r.$ps === 'pipe' ? `pipe:${r.key}` : `${r.$ps}:${r.id}`
  let proxy = proxies.get(key)
  if (!proxy) {
    proxy =
      r.$ps === 'queue' ? new QueueProxy(r) : r.$ps === 'lock' ? new LockProxy(r) : new PipeProxy(r)
    proxies.set(key, proxy)
  }
  return proxy
}
