// The Electron window's poolscope://app scheme: the built renderer and the trace routes, with the
// same handlers serve mode uses. Electron-free (index.ts registers it with protocol.handle).
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { ELECTRON_CSP } from '../csp'
import { apiRoute } from './apiRoute'
import { setSecurityHeaders } from './securityHeaders'
import { staticRoute } from './staticRoute'
import { textResponse } from './textResponse'

export const APP_SCHEME = 'poolscope'
export const APP_ORIGIN = `${APP_SCHEME}://app`
export const APP_URL = `${APP_ORIGIN}/index.html`

/** Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin that fetch()
 *  may reach and that streams its responses. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true
} as const

export function appProtocolHandler(
  service: Pick<PoolScopeService, 'exportStream' | 'call'>,
  rendererDir: string
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    // (URL.origin is 'null' for a scheme Node does not know: compare its parts)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app')
      return textResponse(404, 'not found')
    const api = apiRoute(service, request, url.pathname)
    const method = request.method
    const response = api
      ? await api
      : method === 'GET' || method === 'HEAD'
        ? await staticRoute(rendererDir, url.pathname, method)
        : new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } })
    setSecurityHeaders(response.headers, ELECTRON_CSP)
    return response
  }
}

/** Whether `url` is a page of the app (the IPC sender check). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`)
}

/** Under `npm run dev` the page comes from the Vite dev server, so its relative trace routes
 *  reach that server: the same request, addressed to the app scheme instead (null for any
 *  other request, which goes to the dev server as it is). */
export function devApiRequest(devUrl: string, request: Request): Request | null {
  const url = new URL(request.url)
  if (url.origin !== new URL(devUrl).origin || !url.pathname.startsWith('/api/')) return null
  return new Request(`${APP_ORIGIN}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    duplex: 'half'
  } as RequestInit)
}
