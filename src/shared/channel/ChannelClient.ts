// The client half of the channel, for every face: calls matched to their answers, one
// subscription resumed after the last batch seen of each run on every (re)connection, each
// batch acknowledged, and calls that cannot reach the host failed at once. Pure logic over a
// ClientPort (Electron IPC through the preload, or the WebSocket); no DOM, no Node.
import type { BatchListener, Unsubscribe } from '../api'
import { assertNever } from '../assertNever'
import type { ApiErrorCode, ChannelRequest, ChannelResponse, ConnectionState } from './messages'
import type { CommandName } from './names'

/** What a port tells its client. */
export interface PortSink {
  message(msg: ChannelResponse): void
  state(state: ConnectionState): void
}

/** A transport as the client sees it. It starts in 'connecting' and reports every change. */
export interface ClientPort {
  /** Only called while the port last reported 'connected'. */
  send(msg: ChannelRequest): void
  start(sink: PortSink): void
}

/** A call's failure, with the host's error code (see ApiErrorCode). */
export class ChannelError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ChannelError'
  }
}

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
}

export class ChannelClient {
  private current: ConnectionState = 'connecting'
  private readonly stateListeners = new Set<(state: ConnectionState) => void>()
  private readonly pending = new Map<number, Pending>()
  /** Calls made during the first connection attempt: sent when it succeeds, failed if not. */
  private waiting: ChannelRequest[] = []
  private readonly batchListeners = new Set<BatchListener>()
  private readonly lastSeq: Record<string, number> = {}
  private nextId = 1

  constructor(private readonly port: ClientPort) {
    port.start({ message: (msg) => this.onMessage(msg), state: (s) => this.onState(s) })
  }

  get state(): ConnectionState {
    return this.current
  }

  onStateChange(listener: (state: ConnectionState) => void): Unsubscribe {
    this.stateListeners.add(listener)
    return () => void this.stateListeners.delete(listener)
  }

  call(method: CommandName, input?: unknown): Promise<unknown> {
    if (this.current === 'reconnecting' || this.current === 'gone') {
      return Promise.reject(
        new ChannelError(
          'disconnected',
          `${method}: not connected to the PoolScope host (the call was not sent)`
        )
      )
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++
      this.pending.set(id, { resolve, reject })
      const msg: ChannelRequest = { kind: 'call', id, method, input }
      if (this.current === 'connected') this.port.send(msg)
      else this.waiting.push(msg)
    })
  }

  /** Every run's batches, each once and in order: on every connection the host first sends
   *  what was recorded after the last batch seen of each run. */
  subscribe(listener: BatchListener): Unsubscribe {
    if (this.batchListeners.size === 0) this.sendSubscribe()
    this.batchListeners.add(listener)
    return () => {
      if (!this.batchListeners.delete(listener) || this.batchListeners.size > 0) return
      if (this.current === 'connected') this.port.send({ kind: 'unsubscribe' })
    }
  }

  private sendSubscribe(): void {
    if (this.current === 'connected') this.port.send({ kind: 'subscribe', since: this.lastSeq })
  }

  private onState(state: ConnectionState): void {
    if (state === this.current) return
    this.current = state
    if (state === 'connected') {
      if (this.batchListeners.size > 0) this.sendSubscribe()
      for (const msg of this.waiting.splice(0)) this.port.send(msg)
    } else if (state !== 'connecting') {
      this.failPending()
    }
    this.stateListeners.forEach((l) => l(state))
  }

  /** The connection is down: no answer can come; what was not sent never will be. */
  private failPending(): void {
    const unsent = new Set(this.waiting.map((m) => (m.kind === 'call' ? m.id : -1)))
    this.waiting = []
    for (const [id, call] of this.pending) {
      const message = unsent.has(id)
        ? 'could not connect to the PoolScope host (the call was not sent)'
        : 'connection to the PoolScope host lost before it answered'
      call.reject(new ChannelError('disconnected', message))
    }
    this.pending.clear()
  }

  private onMessage(msg: ChannelResponse): void {
    switch (msg.kind) {
      case 'batch':
        return this.onBatch(msg.batch)
      case 'result':
        return this.settle(msg.id, (call) => call.resolve(msg.value))
      case 'error':
        // an error about no call (id null) has nobody waiting for it
        if (msg.id !== null)
          this.settle(msg.id, (call) =>
            call.reject(new ChannelError(msg.error.code, msg.error.message))
          )
        return
      default:
        assertNever(msg, 'channel message')
    }
  }

  private settle(id: number, how: (call: Pending) => void): void {
    const call = this.pending.get(id)
    if (!call) return
    this.pending.delete(id)
    how(call)
  }

  private onBatch(batch: Parameters<BatchListener>[0]): void {
    try {
      if (this.batchListeners.size === 0) return
      if (batch.seq <= (this.lastSeq[batch.runId] ?? -1)) return // applied before a reconnect
      this.lastSeq[batch.runId] = batch.seq
      this.batchListeners.forEach((l) => l(batch))
    } finally {
      // Taken (even when not applied: the host counts what it sent, not what was used).
      if (this.current === 'connected') this.port.send({ kind: 'ack' })
    }
  }
}
