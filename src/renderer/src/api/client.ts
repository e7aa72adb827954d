// The renderer reaches the host only through the PoolScope API: one channel client over the
// preload's port in Electron, over a WebSocket in a browser (serve mode).
import type { PoolScopeApi } from '../../../shared/api'
import { createApi } from '../../../shared/channel/createApi'
import type { IpcBridge } from '../../../shared/channel/messages'
import { pageToken } from './hostUrls'
import { ipcPort } from './ipcPort'
import { wsPort } from './wsPort'

declare global {
  interface Window {
    poolscope?: IpcBridge
  }
}

export function wsUrlFor(location: Location): string {
  const token = pageToken(location)
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

export function connectApi(): PoolScopeApi {
  if (window.poolscope) return createApi(ipcPort(window.poolscope))
  return createApi(wsPort(wsUrlFor(window.location)))
}
