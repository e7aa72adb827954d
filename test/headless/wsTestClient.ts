// A WebSocket client for tests: records what the server sends and can wait for a message.
import { once } from 'node:events'
import WebSocket from 'ws'
import type { ChannelResponse } from '../../src/shared/api'

export interface WsTestClient {
  ws: WebSocket
  inbox: ChannelResponse[]
  next(pred: (m: ChannelResponse) => boolean): Promise<ChannelResponse>
  send(msg: unknown): void
}

export async function wsTestClient(url: string, origin?: string): Promise<WsTestClient> {
  const ws = new WebSocket(url, origin ? { origin } : {})
  const inbox: ChannelResponse[] = []
  const waiters: {
    pred: (m: ChannelResponse) => boolean
    resolve: (m: ChannelResponse) => void
  }[] = []
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as ChannelResponse
    inbox.push(msg)
    for (const w of [...waiters]) {
      if (!w.pred(msg)) continue
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(msg)
    }
  })
  await Promise.race([
    once(ws, 'open'),
    once(ws, 'unexpected-response').then(([, res]) => {
      throw new Error(`Unexpected server response: ${(res as { statusCode: number }).statusCode}`)
    })
  ])
  const next = (pred: (m: ChannelResponse) => boolean): Promise<ChannelResponse> => {
    const seen = inbox.find(pred)
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ pred, resolve }))
  }
  return { ws, inbox, next, send: (msg) => ws.send(JSON.stringify(msg)) }
}
