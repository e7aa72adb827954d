// A two-ended connection, like Python's multiprocessing.Pipe: a connected socket pair made by
// the host (socketPair.ts). Each end is used in the host or passed to one child (its socket is
// handed over and closed in the host), so bytes between two children never go through the host;
// the ends report each send/recv/close to the host, which records them as events.
import type { Socket } from 'node:net'
import { LineChannel } from '../child/LineChannel'
import { PipeInbox } from '../child/PipeInbox'
import { parseLines } from '../child/parseLines'
import { PipeTally } from '../child/PipeTally'
import type { PipeTallyReport } from '../child/PipeTally'
import type { EventSink } from '../eventSink'
import { discardEvents } from '../eventSink'
import type { HandleRef } from '../protocol'
import { namedError } from '../protocol'
import type { BrokerMessage, ChildLink } from './ChildLink'
import { checkSerialisable } from './checkArgs'
import type { Shareable } from './shareable'
import { SHAREABLE } from './shareable'
import { socketPair } from './socketPair'

export interface PipeOptions {
  /** true (default): both ends send and receive; false: ends[0] receives, ends[1] sends. */
  duplex?: boolean
  name?: string
  sink?: EventSink
}

let nextId = 1

/** Makes a connected pair of ends: `[a, b]`, as Python's `Pipe()` returns `(conn1, conn2)`. */
export async function openPipe(opts: PipeOptions = {}): Promise<[PipeEnd, PipeEnd]> {
  const duplex = opts.duplex ?? true
  if (typeof duplex !== 'boolean') throw new TypeError(`duplex must be a boolean`)
  const n = nextId++
  const name = opts.name ?? `pipe-${n}`
  const sink = opts.sink ?? discardEvents
  const [s0, s1] = await socketPair(`pipe-${n}`)
  return [
    new PipeEnd(`pipe-${n}-0`, name, s0, duplex || false, true, sink),
    new PipeEnd(`pipe-${n}-1`, name, s1, true, duplex || false, sink)
  ]
}

export class PipeEnd implements Shareable {
  readonly [SHAREABLE] = true as const
  private channel: LineChannel | undefined
  /** PID of the child this end was passed to; undefined while the host holds it. */
  ownerPid: number | undefined
  private readonly inbox = new PipeInbox(() => this.eof())
  private closed = false
  private readonly sent: PipeTally
  private readonly received: PipeTally

  constructor(
    readonly id: string,
    readonly name: string,
    private readonly socket: Socket,
    readonly canSend: boolean,
    readonly canRecv: boolean,
    private readonly sink: EventSink
  ) {
    socket.on('error', () => {}) // a reset by a dead peer shows as EOF through 'close'
    this.sent = new PipeTally((r) => this.report('pipe.send', process.pid, r))
    this.received = new PipeTally((r) => this.report('pipe.recv', process.pid, r))
  }

  private report(type: 'pipe.send' | 'pipe.recv', pid: number, r: PipeTallyReport): void {
    const { bytes, msg, count } = r
    this.sink({ type, pipe: this.name, pid, bytes, msg, ...(count > 1 ? { count } : {}) })
  }

  /** Sends from the host. */
  send(value: unknown): void {
    checkSerialisable(value, 'value')
    if (!this.canSend) throw new Error(`pipe '${this.name}': this end only receives`)
    if (this.closed) throw namedError('OSError', `pipe '${this.name}': this end is closed`)
    const ch = this.channel ?? this.open()
    // As in a child (and Python): a gone peer is a BrokenPipeError, not a silent drop.
    if (this.inbox.peerClosed || ch.isClosed)
      throw namedError('BrokenPipeError', `pipe '${this.name}': the other end is gone`)
    const line = ch.send(value)
    this.sent.add(Buffer.byteLength(line) + 1)
  }

  /** Receives in the host; rejects with EOFError once the other end closed and nothing is left. */
  recv(): Promise<unknown> {
    if (!this.canRecv) throw new Error(`pipe '${this.name}': this end only sends`)
    if (!this.channel) this.open()
    return this.inbox.next(this.closed)
  }

  /** Closes this end (the other end's recv then sees EOF). */
  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.ownerPid !== undefined) return // the child's copy is the one that counts
    this.sent.flush()
    if (this.channel) this.channel.end()
    else this.socket.end()
    this.sink({ type: 'pipe.close', pipe: this.name, pid: process.pid })
    this.inbox.failWaiting()
  }

  get isClosed(): boolean {
    return this.closed
  }

  refFor(link: ChildLink): HandleRef {
    if (this.ownerPid !== undefined) {
      throw new Error(`pipe '${this.name}': this end was already passed to pid ${this.ownerPid}`)
    }
    if (this.channel || this.closed) {
      throw new Error(`pipe '${this.name}': this end was used in the host; pass a fresh end`)
    }
    this.ownerPid = link.pid
    link.sendSocket(this.id, this.socket)
    return {
      $ps: 'pipe',
      id: this.id,
      name: this.name,
      key: this.id,
      canSend: this.canSend,
      canRecv: this.canRecv
    }
  }

  onChildMessage(link: ChildLink, msg: BrokerMessage): void {
    const pid = link.pid!
    if (msg.type === 'pipe.send' || msg.type === 'pipe.recv') {
      const { bytes, count } = msg
      this.report(msg.type, pid, { bytes, msg: msg.msg, count: count ?? 1 })
    } else if (msg.type === 'pipe.close' && !this.closed) {
      this.closed = true
      this.sink({ type: 'pipe.close', pipe: this.name, pid })
    }
  }

  /** A process's end closes with it. */
  onChildExit(link: ChildLink): void {
    if (this.closed || this.ownerPid !== link.pid) return
    this.closed = true
    this.sink({ type: 'pipe.close', pipe: this.name, pid: link.pid! })
  }

  private open(): LineChannel {
    this.channel ??= new LineChannel(this.socket, { lines: (text) => this.onLines(text) }, () =>
      this.onPeerClosed()
    )
    this.socket.resume()
    return this.channel
  }

  private onLines(text: string): void {
    const { values, bytes, bad } = parseLines(text)
    for (let i = 0; i < bad.length; i++) {
      this.sink({ type: 'log', level: 'warn', text: `pipe '${this.name}': malformed message` })
    }
    if (values.length === 0) return
    this.received.add(bytes, values.length)
    this.inbox.pushMany(values)
  }

  private onPeerClosed(): void {
    this.inbox.peerClosedNow()
  }

  private eof(): Error {
    return namedError('EOFError', `pipe '${this.name}': the other end is closed`)
  }
}
