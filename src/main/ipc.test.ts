// ipc.ts with Electron's ipcMain faked: the binding is plain code given its dependencies.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { IpcReply } from '../shared/channels'
import { COMMAND_NAMES, IPC_ACK, IPC_BATCH, IPC_PREFIX, IPC_SUBSCRIBE } from '../shared/channels'
import type { EventBatch } from '../shared/events'
import { PoolScopeService } from './core/host/PoolScopeService'
import type { IpcDeps } from './ipc'
import { bindIpc } from './ipc'

const OWN_URL = 'file:///app/out/renderer/index.html'

class FakeContents extends EventEmitter {
  readonly sent: [string, unknown][] = []
  constructor(readonly id: number) {
    super()
  }
  isDestroyed(): boolean {
    return false
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  const listeners = new Map<string, (event: unknown) => void>()
  return {
    handlers,
    listeners,
    handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
      void handlers.set(ch, fn),
    on: (ch: string, fn: (event: unknown) => void) => void listeners.set(ch, fn),
    removeHandler: (ch: string) => void handlers.delete(ch),
    removeAllListeners: (ch: string) => void listeners.delete(ch)
  }
}

function setup(service: IpcDeps['service'] = new PoolScopeService()) {
  const ipcMain = fakeIpcMain()
  const own = new FakeContents(1)
  const log = vi.fn()
  const unbind = bindIpc({
    ipcMain: ipcMain as unknown as IpcDeps['ipcMain'],
    service,
    isOwnUrl: (url) => url === OWN_URL,
    isOwnWindow: (c) => c === (own as unknown),
    log
  })
  const event = (sender: FakeContents, url = OWN_URL, top = true) => ({
    sender,
    senderFrame: { url, parent: top ? null : {} }
  })
  const invoke = (name: string, input: unknown, ev = event(own)) =>
    ipcMain.handlers.get(IPC_PREFIX + name)!(ev, input) as Promise<IpcReply<unknown>>
  return { ipcMain, own, log, unbind, event, invoke, service }
}

describe('bindIpc', () => {
  it('binds every command of the contract on a prefixed channel', () => {
    const { ipcMain } = setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      COMMAND_NAMES.map((n) => IPC_PREFIX + n).sort()
    )
  })

  it('answers our window, validating the payload', async () => {
    const { invoke } = setup()
    const ok = await invoke('listScenarios', undefined)
    expect(ok.ok && (ok.value as { id: string }[]).map((s) => s.id)).toContain('hello')
    const bad = await invoke('startRun', { scenario: 42 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(!bad.ok && bad.error.message).toMatch(/startRun: input\.scenario: /)
    const extra = await invoke('stopRun', { runId: 'run-1', evil: true })
    expect(!extra.ok && extra.error.message).toMatch(/evil/)
  })

  it('refuses and logs senders that are not our window main frame showing our page', async () => {
    const { invoke, event, log, own } = setup()
    const stranger = new FakeContents(2)
    for (const ev of [
      event(stranger),
      event(own, 'https://evil.example/'),
      event(own, OWN_URL, false)
    ]) {
      const reply = await invoke('listRuns', undefined, ev)
      expect(reply).toEqual({
        ok: false,
        error: { code: 'refused', message: 'refused: not the PoolScope window' }
      })
    }
    expect(log).toHaveBeenCalledTimes(3)
    expect(log.mock.calls[1]![0]).toContain('https://evil.example/')
  })

  it('pushes batches to a subscribed window until it is destroyed', () => {
    let push: ((b: EventBatch) => void) | undefined
    const unsubscribe = vi.fn()
    const service = {
      call: vi.fn(),
      subscribe: (l: (b: EventBatch) => void) => ((push = l), unsubscribe)
    }
    const { ipcMain, own, event } = setup(service as unknown as IpcDeps['service'])
    ipcMain.listeners.get(IPC_SUBSCRIBE)!(event(own))
    const batch: EventBatch = { runId: 'run-1', seq: 0, events: [] }
    push!(batch)
    expect(own.sent).toEqual([[IPC_BATCH, batch]])
    own.emit('destroyed')
    expect(unsubscribe).toHaveBeenCalledOnce()
  })

  it('holds further batches until the window says it took the last one', async () => {
    let push: ((b: EventBatch) => unknown) | undefined
    const service = {
      call: vi.fn(),
      subscribe: (l: (b: EventBatch) => unknown) => ((push = l), vi.fn())
    }
    const { ipcMain, own, event } = setup(service as unknown as IpcDeps['service'])
    ipcMain.listeners.get(IPC_SUBSCRIBE)!(event(own))
    const busy = push!({ runId: 'run-1', seq: 0, events: [] }) as Promise<void>
    let taken = false
    void busy.then(() => (taken = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(taken).toBe(false) // the Batcher keeps later batches back meanwhile
    ipcMain.listeners.get(IPC_ACK)!(event(own))
    await busy
    expect(taken).toBe(true)
  })

  it('does not subscribe a stranger', () => {
    const service = { call: vi.fn(), subscribe: vi.fn() }
    const { ipcMain, event } = setup(service as unknown as IpcDeps['service'])
    ipcMain.listeners.get(IPC_SUBSCRIBE)!(event(new FakeContents(3)))
    expect(service.subscribe).not.toHaveBeenCalled()
  })
})
