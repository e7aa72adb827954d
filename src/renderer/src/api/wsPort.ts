// The channel's port in a browser (serve mode): a WebSocket that reconnects on its own, with
// growing pauses. When the socket drops, the host is asked over HTTP whether it still knows
// this page's token: a host restarted since (a new token) refuses it, and the port reports
// 'gone' and stops trying; a host that does not answer is tried again ('reconnecting').
import type { ClientPort, PortSink } from '../../../shared/channel/ChannelClient'
import type { ChannelResponse } from '../../../shared/channel/messages'

/** What a probe learns: the host answered and refused our token, or anything else. */
export type Probe = () => Promise<'refused' | 'unknown'>

export interface WsPortOptions {
  /** Asked after the socket drops (default: an HTTP HEAD of the WebSocket's URL). */
  probe?: Probe
  /** Pause before the first retry; it doubles up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
  createSocket?: (url: string) => WebSocket
}

/** The HTTP form of the WebSocket's URL, with its token: 403 means the token is refused. */
export function httpProbe(wsUrl: string): Probe {
  const url = wsUrl.replace(/^ws/, 'http')
  return async () => {
    try {
      const res = await fetch(url, {
        method: 'HEAD',
        cache: 'no-store',
        credentials: 'same-origin'
      })
      return res.status === 403 ? 'refused' : 'unknown'
    } catch {
      return 'unknown' // not answering: down or restarting
    }
  }
}

export function wsPort(url: string, opts: WsPortOptions = {}): ClientPort {
  const { retryMs: firstRetryMs = 250, maxRetryMs = 5000 } = opts
  const probe = opts.probe ?? httpProbe(url)
  const createSocket = opts.createSocket ?? ((u: string) => new WebSocket(u))
  let socket: WebSocket | undefined
  let retryMs = firstRetryMs

  const connect = (sink: PortSink): void => {
    const ws = createSocket(url)
    socket = ws
    ws.onopen = () => {
      retryMs = firstRetryMs
      sink.state('connected')
    }
    ws.onmessage = (ev: MessageEvent<string>) =>
      sink.message(JSON.parse(ev.data) as ChannelResponse)
    ws.onclose = () => {
      if (socket !== ws) return
      socket = undefined
      sink.state('reconnecting')
      void probe().then((answer) => {
        if (answer === 'refused') return sink.state('gone')
        setTimeout(() => connect(sink), retryMs)
        retryMs = Math.min(retryMs * 2, maxRetryMs)
      })
    }
  }

  return {
    send(msg) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg))
    },
    start: connect
  }
}
