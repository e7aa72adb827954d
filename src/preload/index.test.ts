import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  COMMAND_NAMES,
  IPC_ACK,
  IPC_BATCH,
  IPC_PREFIX,
  IPC_SUBSCRIBE,
  IPC_UNSUBSCRIBE
} from '../shared/channels'

// The real 'electron' module cannot load here (no binary): fake the two objects preload uses.
const exposed: Record<string, unknown> = {}
const ipcRenderer = { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer
}))

type Api = Record<string, (...a: unknown[]) => unknown>

describe('preload', () => {
  beforeEach(async () => {
    vi.clearAllMocks()
    await import('./index')
  })

  it('exposes exactly the API: its named commands and subscribe, as window.poolscope', () => {
    expect(Object.keys(exposed)).toEqual(['poolscope'])
    expect(Object.keys(exposed.poolscope as object).sort()).toEqual(
      [...COMMAND_NAMES, 'subscribe'].sort()
    )
  })

  it('invokes the prefixed channel and unwraps the reply', async () => {
    const api = exposed.poolscope as Api
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [1] })
    await expect(api.listRuns!()).resolves.toEqual([1])
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_PREFIX + 'listRuns', undefined)
    ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'bad-input', message: 'startRun: input.scenario: bad' }
    })
    await expect(api.startRun!({ scenario: 1 })).rejects.toThrow('startRun: input.scenario: bad')
  })

  it('hands each batch to every listener, then tells the host it was taken', () => {
    const api = exposed.poolscope as Api
    const got: unknown[] = []
    const off = api.subscribe!((b: unknown) => got.push(b)) as () => void
    const onBatch = ipcRenderer.on.mock.calls.find((c) => c[0] === IPC_BATCH)![1] as (
      e: unknown,
      b: unknown
    ) => void
    const batch = { runId: 'run-1', seq: 0, events: [] }
    onBatch({}, batch)
    expect(got).toEqual([batch])
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(IPC_ACK)
    off()
  })

  it('subscribes once for many listeners and unsubscribes after the last', () => {
    const api = exposed.poolscope as Api
    const off1 = api.subscribe!(() => {}) as () => void
    const off2 = api.subscribe!(() => {}) as () => void
    expect(ipcRenderer.send).toHaveBeenCalledTimes(1)
    expect(ipcRenderer.send).toHaveBeenCalledWith(IPC_SUBSCRIBE)
    expect(ipcRenderer.on).toHaveBeenCalledWith(IPC_BATCH, expect.any(Function))
    off1()
    expect(ipcRenderer.send).toHaveBeenCalledTimes(1)
    off2()
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(IPC_UNSUBSCRIBE)
  })
})
