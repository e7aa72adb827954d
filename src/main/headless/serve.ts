// Serve mode: the built renderer over HTTP and the PoolScope API over a WebSocket, on
// loopback only, behind a per-start token. Requests from another Origin or Host are refused.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { EXPORT_PATH, serveExport } from './serveExport'
import { OPEN_PATH, serveOpen } from './serveOpen'
import { sendText } from './sendText'
import { serveStatic } from './serveStatic'
import { WsSession } from './WsSession'

export const TOKEN_COOKIE = 'poolscope_token'
export const SERVE_HOST = '127.0.0.1'
/** Largest WebSocket message accepted (an openTrace call carries its whole file; the browser
 *  face posts files to OPEN_PATH instead, but the API over the WebSocket still takes them). */
export const MAX_WS_MESSAGE_BYTES = 80 * 1024 * 1024

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

export interface ServeOptions {
  port: number
  rendererDir?: string
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

export function defaultRendererDir(): string {
  return process.env.POOLSCOPE_RENDERER_DIR ?? join(__dirname, '../renderer')
}

export async function startServer(
  service: PoolScopeService,
  opts: ServeOptions
): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const rendererDir = opts.rendererDir ?? defaultRendererDir()
  const server = createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES })
  let port = opts.port

  const allowedHosts = (): string[] => [`${SERVE_HOST}:${port}`, `localhost:${port}`]
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`)

  /** Why a request is refused, or null when it may go on. */
  const refusal = (req: IncomingMessage, url: URL): string | null => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return 'wrong Host'
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().includes(origin)) return 'wrong Origin'
    const given = url.searchParams.get('token') ?? readCookie(req.headers.cookie, TOKEN_COOKIE)
    if (!given || !sameToken(given, token)) return 'missing or wrong token'
    return null
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${SERVE_HOST}:${port}`)
    const why = refusal(req, url)
    if (why) return sendText(res, 403, `403 Forbidden: ${why}`)
    if (url.pathname === OPEN_PATH) {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end()
      serveOpen(service, url, req, res).catch(() => res.destroy())
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    res.setHeader('content-security-policy', CSP)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    res.setHeader('x-frame-options', 'DENY')
    if (url.searchParams.has('token')) {
      res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    }
    if (url.pathname === EXPORT_PATH) {
      serveExport(service, url, req, res).catch(() => res.destroy())
      return
    }
    serveStatic(rendererDir, url.pathname, req, res)
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${SERVE_HOST}:${port}`)
    const why = url.pathname !== '/api' ? 'not found' : refusal(req, url)
    if (why) {
      socket.end(
        `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\n403 Forbidden: ${why}\n`
      )
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => new WsSession(ws, service))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, SERVE_HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : opts.port
  return {
    url: `http://${SERVE_HOST}:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return null
}
