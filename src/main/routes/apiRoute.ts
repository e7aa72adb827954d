// The trace routes every face answers with the same handlers (serve mode over HTTP, the Electron
// window over its poolscope:// scheme); null for any other path.
import { EXPORT_PATH, OPEN_PATH } from '../../shared/routes'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { exportRoute } from './exportRoute'
import { openRoute } from './openRoute'

export function apiRoute(
  service: Pick<PoolScopeService, 'exportStream' | 'call'>,
  request: Request,
  pathname: string
): Promise<Response> | null {
  if (pathname === EXPORT_PATH) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return Promise.resolve(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }))
    return Promise.resolve(exportRoute(service, request))
  }
  if (pathname === OPEN_PATH) {
    if (request.method !== 'POST')
      return Promise.resolve(new Response(null, { status: 405, headers: { allow: 'POST' } }))
    return openRoute(service, request)
  }
  return null
}
