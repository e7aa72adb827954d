// One WebSocket client of serve mode: validated calls, and batches pushed once it subscribes.
// Batches go straight to the socket until it holds more than a bound of unwritten bytes (room
// for a burst); past it the client is busy for the Batcher until the socket has written them,
// so a client that stops reading holds at most the bound plus one batch here, and its later
// batches wait in the Batcher's bounded backlog, then are dropped and counted per run (the
// count rides on its next batch of that run). Recorded history (an opened trace) streams at
// the client's pace.
import type { WebSocket } from 'ws'
import type { WsResponse } from '../../shared/api'
import { WsRequestSchema } from '../../shared/api'
import type { EventBatch } from '../../shared/events'
import { describeZodError } from '../../shared/validation'
import { toApiErrorInfo } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'

/** What a session needs of the service. */
export type WsService = Pick<PoolScopeService, 'call' | 'subscribe' | 'getRun'>

/** Unwritten bytes on a socket past which its client is busy (about 100,000 events). */
export const MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024

export class WsSession {
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly ws: WebSocket,
    private readonly service: WsService,
    private readonly maxInFlightBytes = MAX_IN_FLIGHT_BYTES
  ) {
    ws.on('message', (data, isBinary) => void this.onMessage(isBinary ? null : data.toString()))
    ws.on('close', () => this.unsubscribe?.())
    ws.on('error', () => this.unsubscribe?.())
  }

  private send(msg: WsResponse): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(msg))
  }

  /** Sends `batch`; past the bound, busy until the socket has written it. */
  private pushBatch = (batch: EventBatch): Promise<void> | undefined => {
    if (this.ws.readyState !== this.ws.OPEN) return undefined
    const text = JSON.stringify({ kind: 'batch', batch } satisfies WsResponse)
    const written = new Promise<void>((resolve) => this.ws.send(text, () => resolve()))
    return this.ws.bufferedAmount > this.maxInFlightBytes ? written : undefined
  }

  private async onMessage(text: string | null): Promise<void> {
    let raw: unknown
    try {
      if (text === null) throw new Error('binary messages are not accepted')
      raw = JSON.parse(text)
    } catch (err) {
      const message =
        err instanceof SyntaxError ? 'message is not valid JSON' : (err as Error).message
      this.send({ kind: 'error', id: null, error: { code: 'bad-input', message } })
      return
    }
    const parsed = WsRequestSchema.safeParse(raw)
    if (!parsed.success) {
      const id =
        typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null
      this.send({
        kind: 'error',
        id,
        error: { code: 'bad-input', message: describeZodError(parsed.error, 'message') }
      })
      return
    }
    const req = parsed.data
    if (req.kind === 'subscribe') {
      const unknown = Object.keys(req.since ?? {}).filter((id) => !this.knowsRun(id))
      if (unknown.length > 0) {
        // Still subscribed to everything else: a client reconnecting to a restarted host
        // keeps working, it just learns that those runs are gone.
        const message = `subscribe: no run with id ${unknown.map((id) => `'${id}'`).join(', ')}`
        this.send({ kind: 'error', id: null, error: { code: 'not-found', message } })
      }
      this.unsubscribe?.()
      this.unsubscribe = this.service.subscribe(this.pushBatch, { since: req.since ?? {} })
      return
    }
    try {
      const value = await this.service.call(req.method, req.input)
      this.send({ kind: 'result', id: req.id, value })
    } catch (err) {
      this.send({ kind: 'error', id: req.id, error: toApiErrorInfo(err) })
    }
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
