// One WebSocket client of serve mode: validated calls, and batches pushed once it subscribes.
// A client that falls behind gets batches dropped (and counted) instead of growing our memory.
import type { WebSocket } from 'ws'
import type { WsResponse } from '../../shared/api'
import { WsRequestSchema } from '../../shared/api'
import type { EventBatch } from '../../shared/events'
import { describeZodError } from '../../shared/validation'
import { toApiErrorInfo } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'

/** Bytes queued on a socket past which new batches are dropped for it. */
export const MAX_BACKLOG_BYTES = 16 * 1024 * 1024

export class WsSession {
  private unsubscribe: (() => void) | undefined
  private dropped = 0

  constructor(
    private readonly ws: WebSocket,
    private readonly service: PoolScopeService
  ) {
    ws.on('message', (data, isBinary) => void this.onMessage(isBinary ? null : data.toString()))
    ws.on('close', () => this.unsubscribe?.())
    ws.on('error', () => this.unsubscribe?.())
  }

  private send(msg: WsResponse): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(msg))
  }

  private pushBatch = (batch: EventBatch): void => {
    if (this.ws.bufferedAmount > MAX_BACKLOG_BYTES) {
      this.dropped += batch.events.length
      return
    }
    const out = this.dropped ? { ...batch, dropped: this.dropped } : batch
    this.dropped = 0
    this.send({ kind: 'batch', batch: out })
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
      this.unsubscribe?.()
      for (const batch of this.service.replaySince(req.since)) this.pushBatch(batch)
      this.unsubscribe = this.service.subscribe(this.pushBatch)
      return
    }
    try {
      const value = await this.service.call(req.method, req.input)
      this.send({ kind: 'result', id: req.id, value })
    } catch (err) {
      this.send({ kind: 'error', id: req.id, error: toApiErrorInfo(err) })
    }
  }
}
