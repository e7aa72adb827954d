// Serve mode: the built renderer over HTTP and the PoolScope API over a WebSocket, on
// loopback only, behind a per-start token. Requests from another Origin or Host are refused.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { TOKEN_PARAM } from '../../shared/routes'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { serveCsp } from '../csp'
import { apiRoute } from '../routes/apiRoute'
import { setSecurityHeaders } from '../routes/securityHeaders'
import { staticRoute } from '../routes/staticRoute'
import { textResponse } from '../routes/textResponse'
import { sendWebResponse, toWebRequest } from './webAdapter'
import { WsSession } from './WsSession'

export const SERVE_HOST = '127.0.0.1'
/** Largest WebSocket message accepted (an openTrace call carries its whole file; the pages post
 *  files to OPEN_PATH instead, but the API over the WebSocket still takes them). */
export const MAX_WS_MESSAGE_BYTES = 80 * 1024 * 1024

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

/** Paths that act (the WebSocket API, trace export and open) need the token; the renderer's
 *  own files are the public build and are served without it. */
function needsToken(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/')
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

  /** Why a request is refused, or null when it may go on. The token travels in the URL only,
   *  never in a cookie: cookies are shared by every port of a host (another local server
   *  would receive it, and could overwrite it), while the page that holds the URL is its own
   *  origin, port included. */
  const refusal = (req: IncomingMessage, url: URL): string | null => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return 'wrong Host'
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().includes(origin)) return 'wrong Origin'
    if (!needsToken(url.pathname)) return null
    const given = url.searchParams.get(TOKEN_PARAM)
    if (!given || !sameToken(given, token)) return 'missing or wrong token'
    return null
  }

  const answer = async (req: IncomingMessage, url: URL): Promise<Response> => {
    const why = refusal(req, url)
    if (why) return textResponse(403, `403 Forbidden: ${why}`)
    const request = toWebRequest(req, url)
    const method = request.method
    const response = await (apiRoute(service, request, url.pathname) ??
      (method === 'GET' || method === 'HEAD'
        ? staticRoute(rendererDir, url.pathname, method)
        : Promise.resolve(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }))))
    setSecurityHeaders(response.headers, serveCsp(port))
    return response
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${SERVE_HOST}:${port}`)
    answer(req, url)
      .then((response) => sendWebResponse(req, res, response))
      // the client went away, or a body failed after its head was sent: drop the connection
      .catch(() => res.destroy())
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
