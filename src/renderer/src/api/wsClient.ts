// The PoolScope API over serve mode's WebSocket. Reconnects on its own and resumes the event
// stream after the last batch it saw for each run.
import type {
  BatchListener,
  CommandName,
  PoolScopeApi,
  WsRequest,
  WsResponse
} from '../../../shared/api'
import { COMMAND_NAMES } from '../../../shared/api'

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
}

export function createWsApi(url: string): PoolScopeApi {
  const listeners = new Set<BatchListener>()
  const pending = new Map<number, Pending>()
  const lastSeq: Record<string, number> = {}
  const queue: string[] = []
  let ws: WebSocket | undefined
  let nextId = 1
  let retryMs = 250

  const connect = (): void => {
    const socket = new WebSocket(url)
    ws = socket
    socket.onopen = () => {
      retryMs = 250
      if (listeners.size)
        socket.send(JSON.stringify({ kind: 'subscribe', since: lastSeq } satisfies WsRequest))
      for (const text of queue.splice(0)) socket.send(text)
    }
    socket.onmessage = (ev: MessageEvent<string>) => {
      const msg = JSON.parse(ev.data) as WsResponse
      if (msg.kind === 'batch') {
        const seen = lastSeq[msg.batch.runId] ?? -1
        if (msg.batch.seq <= seen) return // already applied before a reconnect
        lastSeq[msg.batch.runId] = msg.batch.seq
        listeners.forEach((l) => l(msg.batch))
        return
      }
      const call = msg.id === null ? undefined : pending.get(msg.id)
      if (!call) return
      pending.delete(msg.id!)
      if (msg.kind === 'result') call.resolve(msg.value)
      else call.reject(new ApiCallError(msg.error.code, msg.error.message))
    }
    socket.onclose = () => {
      ws = undefined
      for (const [, call] of pending)
        call.reject(new ApiCallError('failed', 'connection to the PoolScope host lost'))
      pending.clear()
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    }
  }

  const sendText = (text: string): void => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(text)
    else queue.push(text)
  }

  const call = (method: CommandName, input?: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      sendText(JSON.stringify({ kind: 'call', id, method, input } satisfies WsRequest))
    })

  connect()
  const api = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (input?: unknown) => call(name, input)])
  )
  return {
    ...(api as Omit<PoolScopeApi, 'subscribe' | 'exportUrl' | 'openUrl'>),
    // the page's own origin, which holds the token as a cookie
    exportUrl: (runId, format) => `/api/export?${new URLSearchParams({ run: runId, format })}`,
    openUrl: (fileName) => `/api/open?${new URLSearchParams({ name: fileName })}`,
    subscribe(listener) {
      if (listeners.size === 0)
        sendText(JSON.stringify({ kind: 'subscribe', since: lastSeq } satisfies WsRequest))
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
