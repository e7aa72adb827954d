// The renderer reaches the host only through the PoolScope API: the preload's
// window.poolscope in Electron, the WebSocket in a browser (serve mode).
import type { PoolScopeApi } from '../../../shared/api'
import { createWsApi } from './wsClient'

declare global {
  interface Window {
    poolscope?: PoolScopeApi
  }
}

export function wsUrlFor(location: Location): string {
  const token = new URLSearchParams(location.search).get('token')
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

export function connectApi(): PoolScopeApi {
  return window.poolscope ?? createWsApi(wsUrlFor(window.location))
}
