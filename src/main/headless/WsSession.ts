// One WebSocket client of serve mode: the channel (ChannelServer) over the socket. Batches go
// straight to the socket until it holds more than a bound of unwritten bytes (room for a
// burst); past it the client is busy for the Batcher until the socket has written them, so a
// client that stops reading holds at most the bound plus one batch here, and its later
// batches wait in the Batcher's bounded backlog, then are dropped and counted per run (the
// count rides on its next batch of that run). Recorded history (an opened trace) streams at
// the client's pace. The socket's own flow control paces it: acknowledgements are not needed.
import type { WebSocket } from 'ws'
import type { ChannelResponse } from '../../shared/api'
import type { ChannelService } from '../channel/ChannelServer'
import { ChannelServer } from '../channel/ChannelServer'

/** Unwritten bytes on a socket past which its client is busy (about 100,000 events). */
export const MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024

export class WsSession {
  private readonly channel: ChannelServer

  constructor(
    private readonly ws: WebSocket,
    service: ChannelService,
    private readonly maxInFlightBytes = MAX_IN_FLIGHT_BYTES
  ) {
    this.channel = new ChannelServer({ send: this.send }, service)
    ws.on('message', (data, isBinary) => this.onMessage(isBinary ? null : data.toString()))
    ws.on('close', () => this.channel.close())
    ws.on('error', () => this.channel.close())
  }

  /** Sends `msg`; past the bound, a promise settled once the socket has written it. */
  private send = (msg: ChannelResponse): Promise<void> | undefined => {
    if (this.ws.readyState !== this.ws.OPEN) return undefined
    const written = new Promise<void>((resolve) =>
      this.ws.send(JSON.stringify(msg), () => resolve())
    )
    return this.ws.bufferedAmount > this.maxInFlightBytes ? written : undefined
  }

  private onMessage(text: string | null): void {
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
    void this.channel.receive(raw)
  }
}
