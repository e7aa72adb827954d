// The host half of the channel, one per connected client, for every face: requests checked,
// calls answered, one subscription (resumed with `since`), batches paced, errors in the one
// vocabulary. A face adapts its transport to a ServerPort and hands over what arrives.
import { assertNever } from '../../shared/assertNever'
import type { ChannelResponse } from '../../shared/channel/messages'
import { describeZodError } from '../../shared/validation'
import { toApiErrorInfo } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import type { EventBatch } from '../../shared/events'
import { ChannelRequestSchema } from './requestSchema'

/** What a channel needs of the service. */
export type ChannelService = Pick<PoolScopeService, 'call' | 'subscribe' | 'getRun'>

export interface ServerPort {
  /** Sends `msg`. A port with flow control of its own returns a promise while it is full,
   *  settled once it has written the message (the subscription is busy until then). */
  send(msg: ChannelResponse): PromiseLike<unknown> | undefined
}

/** How batches are paced beyond the port's own flow control. */
export interface AckPacing {
  /** Batches that may be out unacknowledged before the subscription is busy. */
  window: number
  /** A client that never acknowledges gets its next batch after this long anyway. */
  timeoutMs: number
}

/** No pacing by acknowledgement: the port's flow control alone (the WebSocket's). */
export const NO_ACK_PACING: AckPacing = { window: Infinity, timeoutMs: 0 }

export class ChannelServer {
  private unsubscribe: (() => void) | undefined
  private unacked = 0
  private release: (() => void) | undefined
  private closed = false

  constructor(
    private readonly port: ServerPort,
    private readonly service: ChannelService,
    private readonly pacing: AckPacing = NO_ACK_PACING
  ) {}

  /** Handles one message from the client, checked here. */
  async receive(raw: unknown): Promise<void> {
    if (this.closed) return
    const parsed = ChannelRequestSchema.safeParse(raw)
    if (!parsed.success) {
      const id =
        typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null
      const message = describeZodError(parsed.error, 'message')
      this.port.send({ kind: 'error', id, error: { code: 'bad-input', message } })
      return
    }
    const req = parsed.data
    switch (req.kind) {
      case 'call':
        try {
          const value = await this.service.call(req.method, req.input)
          this.port.send({ kind: 'result', id: req.id, value })
        } catch (err) {
          this.port.send({ kind: 'error', id: req.id, error: toApiErrorInfo(err) })
        }
        return
      case 'subscribe':
        return this.subscribe(req.since ?? {})
      case 'unsubscribe':
        return this.endSubscription()
      case 'ack':
        this.unacked = Math.max(0, this.unacked - 1)
        if (this.unacked < this.pacing.window) this.release?.()
        return
      default:
        assertNever(req, 'channel request')
    }
  }

  /** The client is gone: its subscription ends and nothing more is sent. */
  close(): void {
    this.closed = true
    this.endSubscription()
  }

  private subscribe(since: Record<string, number>): void {
    const unknown = Object.keys(since).filter((id) => !this.knowsRun(id))
    if (unknown.length > 0) {
      // Still subscribed to everything else: a client reconnecting to a restarted host
      // keeps working, it just learns that those runs are gone.
      const message = `subscribe: no run with id ${unknown.map((id) => `'${id}'`).join(', ')}`
      this.port.send({ kind: 'error', id: null, error: { code: 'not-found', message } })
    }
    this.endSubscription()
    this.unsubscribe = this.service.subscribe(this.push, { since })
  }

  private endSubscription(): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.release?.()
    this.unacked = 0
  }

  /** Sends `batch`; busy while the port is full or the client is a window of batches behind. */
  private push = (batch: EventBatch): PromiseLike<unknown> | undefined => {
    if (this.closed) return undefined
    const written = this.port.send({ kind: 'batch', batch })
    if (this.pacing.window === Infinity) return written
    this.unacked++
    if (this.unacked < this.pacing.window) return written
    const acked = this.untilAcked()
    return written ? Promise.all([written, acked]) : acked
  }

  /** Settles when the client acknowledges a batch, or after the timeout. */
  private untilAcked(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        if (this.release === done) this.release = undefined
        this.unacked = Math.min(this.unacked, this.pacing.window - 1)
        resolve()
      }
      const timer = setTimeout(done, this.pacing.timeoutMs)
      this.release = done
    })
  }

  private knowsRun(id: string): boolean {
    try {
      this.service.getRun(id)
      return true
    } catch {
      return false
    }
  }
}
