// ipc.ts with Electron's ipcMain faked: the binding is plain code given its dependencies.
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ChannelResponse } from '../shared/channel/messages'
import { IPC_CHANNEL } from '../shared/channel/names'
import type { EventBatch } from '../shared/events'
import { PoolScopeService } from './core/host/PoolScopeService'
import type { IpcDeps } from './ipc'
import { ACK_PACING, bindIpc } from './ipc'

const OWN_URL = 'file:///app/out/renderer/index.html'

class FakeContents extends EventEmitter {
  readonly sent: ChannelResponse[] = []
  constructor(readonly id: number) {
    super()
  }
  isDestroyed(): boolean {
    return false
  }
  send(channel: string, payload: ChannelResponse): void {
    expect(channel).toBe(IPC_CHANNEL)
    this.sent.push(payload)
  }
  /** Resolves with the first message sent (or already sent) that `pred` accepts. */
  async next(pred: (m: ChannelResponse) => boolean): Promise<ChannelResponse> {
    for (;;) {
      const m = this.sent.find(pred)
      if (m) return m
      await new Promise((r) => setTimeout(r, 10))
    }
  }
}

type Listener = (event: unknown, ...args: unknown[]) => unknown

function fakeIpcMain() {
  const listeners = new Map<string, Set<Listener>>()
  const handlers = new Map<string, Listener>()
  return {
    listeners,
    handlers,
    on: (ch: string, fn: Listener) =>
      void listeners.set(ch, (listeners.get(ch) ?? new Set()).add(fn)),
    removeListener: (ch: string, fn: Listener) => void listeners.get(ch)?.delete(fn),
    handle: (ch: string, fn: Listener) => void handlers.set(ch, fn),
    removeHandler: (ch: string) => void handlers.delete(ch)
  }
}

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

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
  cleanups.push(unbind)
  const frameSent: unknown[] = []
  const event = (sender: FakeContents, url = OWN_URL, top = true) => ({
    sender,
    senderFrame: {
      url,
      parent: top ? null : {},
      send: (_ch: string, m: unknown) => frameSent.push(m)
    }
  })
  /** What the preload's bridge does: one message on the one channel. */
  const post = (msg: unknown, ev = event(own)): void => {
    for (const l of ipcMain.listeners.get(IPC_CHANNEL) ?? []) l(ev, msg)
  }
  return { ipcMain, own, log, unbind, event, post, frameSent }
}

const batchesOf = (c: FakeContents): EventBatch[] =>
  c.sent.flatMap((m) => (m.kind === 'batch' ? [m.batch] : []))

describe('bindIpc', () => {
  it('checks the sender on every channel it binds, and unbinds them all', () => {
    const service = { call: vi.fn(), subscribe: vi.fn(), getRun: vi.fn() }
    const { ipcMain, event, unbind } = setup(service)
    const stranger = event(new FakeContents(2))
    const bound = [...ipcMain.listeners.values()].flatMap((s) => [...s])
    expect(bound.length + ipcMain.handlers.size).toBeGreaterThan(0)
    for (const l of bound) {
      for (const msg of [
        { kind: 'call', id: 1, method: 'listRuns' },
        { kind: 'subscribe' },
        { kind: 'unsubscribe' },
        { kind: 'ack' }
      ])
        l(stranger, msg)
    }
    for (const h of ipcMain.handlers.values()) expect(() => h(stranger)).toThrow(/refused/)
    expect(service.call).not.toHaveBeenCalled()
    expect(service.subscribe).not.toHaveBeenCalled()
    expect(stranger.sender.sent).toEqual([])
    unbind()
    expect([...ipcMain.listeners.values()].every((s) => s.size === 0)).toBe(true)
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('answers our window, validating the payload, with the error codes intact', async () => {
    const { post, own } = setup()
    post({ kind: 'call', id: 1, method: 'listScenarios' })
    const ok = await own.next((m) => m.kind === 'result' && m.id === 1)
    expect(ok.kind === 'result' && (ok.value as { id: string }[]).map((s) => s.id)).toContain(
      'hello'
    )
    post({ kind: 'call', id: 2, method: 'startRun', input: { scenario: 42 } })
    const bad = await own.next((m) => m.kind === 'error' && m.id === 2)
    expect(bad).toMatchObject({ error: { code: 'bad-input' } })
    expect(bad.kind === 'error' && bad.error.message).toMatch(/startRun: input\.scenario: /)
    post({ kind: 'call', id: 3, method: 'stopRun', input: { runId: 'run-404' } })
    const missing = await own.next((m) => m.kind === 'error' && m.id === 3)
    expect(missing).toMatchObject({ error: { code: 'not-found' } })
    post({ kind: 'call', id: 4, method: 'format C:' })
    const unknown = await own.next((m) => m.kind === 'error' && m.id === 4)
    expect(unknown.kind === 'error' && unknown.error).toMatchObject({ code: 'bad-input' })
    expect(unknown.kind === 'error' && unknown.error.message).toMatch(/^message\.method: /)
  })

  it('refuses and logs senders that are not our window main frame showing our page', () => {
    const service = { call: vi.fn(), subscribe: vi.fn(), getRun: vi.fn() }
    const { post, event, log, own, frameSent } = setup(service)
    const stranger = new FakeContents(2)
    for (const ev of [
      event(stranger),
      event(own, 'https://evil.example/'),
      event(own, OWN_URL, false)
    ]) {
      post({ kind: 'call', id: 7, method: 'listRuns' }, ev)
    }
    // each told so on its own frame, never on our page (whose calls have ids too)
    expect(frameSent).toEqual(
      Array(3).fill({
        kind: 'error',
        id: 7,
        error: { code: 'refused', message: 'refused: not the PoolScope window' }
      })
    )
    expect(own.sent).toEqual([])
    expect(service.call).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledTimes(3)
    expect(log.mock.calls[1]![0]).toContain('https://evil.example/')
  })

  it('gives a reloaded window its runs back with their events', async () => {
    const service = new PoolScopeService()
    cleanups.push(() => service.shutdown())
    const { post, own } = setup(service)
    post({ kind: 'subscribe', since: {} })
    const run = service.startRun('hello', { pace: 0.1 })
    await run.done
    const ended = (m: ChannelResponse): boolean =>
      m.kind === 'batch' && m.batch.events.some((e) => e.type === 'run.end')
    for (;;) {
      if (own.sent.some(ended)) break
      post({ kind: 'ack' }) // taken, as the client does for each batch
      await new Promise((r) => setTimeout(r, 5))
    }
    const before = batchesOf(own).flatMap((b) => b.events)
    // reload: the page navigates, its connection ends; the new page subscribes afresh
    own.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false })
    own.sent.length = 0
    post({ kind: 'subscribe', since: {} })
    for (;;) {
      if (own.sent.some(ended)) break
      post({ kind: 'ack' })
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(batchesOf(own).flatMap((b) => b.events)).toEqual(before)
    expect(before.length).toBe(run.events.length)
  })

  it('holds further batches until the window says it took the last one', async () => {
    let push: ((b: EventBatch) => unknown) | undefined
    const service = {
      call: vi.fn(),
      getRun: vi.fn(),
      subscribe: (l: (b: EventBatch) => unknown) => ((push = l), vi.fn())
    }
    const { post, own } = setup(service as unknown as IpcDeps['service'])
    post({ kind: 'subscribe' })
    const busy = push!({ runId: 'run-1', seq: 0, events: [] }) as Promise<void>
    expect(own.sent).toEqual([{ kind: 'batch', batch: { runId: 'run-1', seq: 0, events: [] } }])
    let taken = false
    void busy.then(() => (taken = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(taken).toBe(false) // the Batcher keeps later batches back meanwhile
    post({ kind: 'ack' })
    await busy
    expect(taken).toBe(true)
  })

  it('sends the next batch after a timeout to a window that never says it took one', async () => {
    vi.useFakeTimers()
    cleanups.push(() => vi.useRealTimers())
    let push: ((b: EventBatch) => unknown) | undefined
    const service = {
      call: vi.fn(),
      getRun: vi.fn(),
      subscribe: (l: (b: EventBatch) => unknown) => ((push = l), vi.fn())
    }
    const { post } = setup(service as unknown as IpcDeps['service'])
    post({ kind: 'subscribe' })
    const busy = push!({ runId: 'run-1', seq: 0, events: [] }) as Promise<void>
    let taken = false
    void busy.then(() => (taken = true))
    await vi.advanceTimersByTimeAsync(ACK_PACING.timeoutMs - 1)
    expect(taken).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(taken).toBe(true)
  })

  it('ends a window’s subscription and removes its listeners when it goes', () => {
    for (const [event, args] of [
      ['destroyed', []],
      ['did-start-navigation', [{ isMainFrame: true, isSameDocument: false }]]
    ] as const) {
      const unsubscribe = vi.fn()
      const service = { call: vi.fn(), getRun: vi.fn(), subscribe: vi.fn(() => unsubscribe) }
      const { post, own } = setup(service as unknown as IpcDeps['service'])
      post({ kind: 'subscribe' })
      expect(own.listenerCount('destroyed')).toBe(1)
      // an anchor or a subframe navigating leaves the page, and its subscription, as it was
      own.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true })
      own.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false })
      expect(unsubscribe).not.toHaveBeenCalled()
      own.emit(event, ...args)
      expect(unsubscribe).toHaveBeenCalledOnce()
      expect(own.listenerCount('destroyed') + own.listenerCount('did-start-navigation')).toBe(0)
    }
  })

  it('ends a subscription the window gives up, and keeps one per window', () => {
    const unsubscribe = vi.fn()
    const service = { call: vi.fn(), getRun: vi.fn(), subscribe: vi.fn(() => unsubscribe) }
    const { post, own } = setup(service as unknown as IpcDeps['service'])
    post({ kind: 'subscribe' })
    post({ kind: 'subscribe' }) // replaces the first
    expect(service.subscribe).toHaveBeenCalledTimes(2)
    expect(unsubscribe).toHaveBeenCalledOnce()
    post({ kind: 'unsubscribe' })
    expect(unsubscribe).toHaveBeenCalledTimes(2)
    expect(own.listenerCount('destroyed')).toBe(1) // the window itself is still connected
  })
})
