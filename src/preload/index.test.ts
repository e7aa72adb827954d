import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcBridge } from '../shared/channel/messages'
import { IPC_CHANNEL } from '../shared/channel/names'

// The real 'electron' module cannot load here (no binary): fake the two objects preload uses.
const exposed: Record<string, unknown> = {}
const ipcRenderer = { send: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer
}))

describe('preload', () => {
  beforeEach(async () => {
    vi.clearAllMocks()
    await import('./index')
  })

  it('exposes exactly a message port, as window.poolscope', () => {
    expect(Object.keys(exposed)).toEqual(['poolscope'])
    expect(Object.keys(exposed.poolscope as object).sort()).toEqual(['onMessage', 'send'])
  })

  it('sends requests on the one channel, unchanged', () => {
    const port = exposed.poolscope as IpcBridge
    port.send({ kind: 'call', id: 1, method: 'listRuns' })
    expect(ipcRenderer.send).toHaveBeenCalledWith(IPC_CHANNEL, {
      kind: 'call',
      id: 1,
      method: 'listRuns'
    })
  })

  it('hands the host’s messages, error codes included, to the one receiver', () => {
    const port = exposed.poolscope as IpcBridge
    const first: unknown[] = []
    const second: unknown[] = []
    port.onMessage((m) => first.push(m))
    port.onMessage((m) => second.push(m)) // replaces the first
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(
      IPC_CHANNEL,
      ipcRenderer.on.mock.calls[0]![1]
    )
    const onMessage = ipcRenderer.on.mock.calls.at(-1)![1] as (e: unknown, m: unknown) => void
    const error = { kind: 'error', id: 3, error: { code: 'not-found', message: 'no run' } }
    onMessage({}, error)
    expect(second).toEqual([error])
    expect(first).toEqual([])
  })
})
