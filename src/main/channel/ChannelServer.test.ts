// The host side of the channel over a fake port: what any face gets from it.
import { describe, expect, it, vi } from 'vitest'
import type { ChannelResponse } from '../../shared/channel/messages'
import type { EventBatch } from '../../shared/events'
import { ApiError } from '../core/host/ApiError'
import type { ChannelService } from './ChannelServer'
import { ChannelServer } from './ChannelServer'

function setup(pacing?: { window: number; timeoutMs: number }) {
  const sent: ChannelResponse[] = []
  let full: Promise<void> | undefined
  let push: ((b: EventBatch) => PromiseLike<unknown> | void) | undefined
  const unsubscribe = vi.fn()
  const service = {
    call: vi.fn(async (name: string) => {
      if (name === 'stopRun') throw new ApiError('not-found', "no run with id 'run-9'")
      return []
    }),
    getRun: vi.fn((id: string) => {
      if (id !== 'run-1') throw new ApiError('not-found', 'no such run')
    }),
    subscribe: vi.fn((l: typeof push, opts: unknown) => {
      push = l
      void opts
      return unsubscribe
    })
  }
  const server = new ChannelServer(
    { send: (m) => (sent.push(m), m.kind === 'batch' ? full : undefined) },
    service as unknown as ChannelService,
    pacing
  )
  const batch = (seq: number): EventBatch => ({ runId: 'run-1', seq, events: [] })
  return {
    sent,
    server,
    service,
    unsubscribe,
    push: (seq: number) => push!(batch(seq)),
    setFull: (p: Promise<void> | undefined) => (full = p)
  }
}

const settled = async (p: PromiseLike<unknown> | void): Promise<boolean> => {
  let done = false
  void Promise.resolve(p).then(() => (done = true))
  await new Promise((r) => setTimeout(r, 5))
  return done
}

describe('ChannelServer', () => {
  it('answers calls with results or errors in the one vocabulary, and bad messages naming what is wrong', async () => {
    const { server, sent } = setup()
    await server.receive({ kind: 'call', id: 1, method: 'listRuns' })
    await server.receive({ kind: 'call', id: 2, method: 'stopRun', input: { runId: 'run-9' } })
    await server.receive({ kind: 'call', id: 3, method: 'listRuns', extra: 1 })
    await server.receive('hello')
    expect(sent).toEqual([
      { kind: 'result', id: 1, value: [] },
      { kind: 'error', id: 2, error: { code: 'not-found', message: "no run with id 'run-9'" } },
      {
        kind: 'error',
        id: 3,
        error: { code: 'bad-input', message: expect.stringMatching(/extra/) }
      },
      { kind: 'error', id: null, error: { code: 'bad-input', message: expect.any(String) } }
    ])
  })

  it('subscribes with since (all history without), says which runs it does not know, and replaces an earlier subscription', async () => {
    const { server, service, sent, unsubscribe } = setup()
    await server.receive({ kind: 'subscribe' })
    expect(service.subscribe).toHaveBeenLastCalledWith(expect.any(Function), { since: {} })
    await server.receive({ kind: 'subscribe', since: { 'run-1': 4, 'run-old': 2 } })
    expect(unsubscribe).toHaveBeenCalledOnce()
    expect(service.subscribe).toHaveBeenLastCalledWith(expect.any(Function), {
      since: { 'run-1': 4, 'run-old': 2 }
    })
    expect(sent).toEqual([
      {
        kind: 'error',
        id: null,
        error: { code: 'not-found', message: "subscribe: no run with id 'run-old'" }
      }
    ])
  })

  it('with an ack window, is busy once that many batches are out, until one is acknowledged', async () => {
    const { server, push } = setup({ window: 2, timeoutMs: 60_000 })
    await server.receive({ kind: 'subscribe' })
    expect(await settled(push(0))).toBe(true)
    const second = push(1)
    expect(await settled(second)).toBe(false)
    await server.receive({ kind: 'ack' })
    expect(await settled(second)).toBe(true)
  })

  it('is also busy while the port is full, until it has written the batch', async () => {
    const { server, push, setFull } = setup({ window: 2, timeoutMs: 60_000 })
    await server.receive({ kind: 'subscribe' })
    let written!: () => void
    setFull(new Promise<void>((r) => (written = r)))
    const first = push(0)
    expect(await settled(first)).toBe(false)
    written()
    expect(await settled(first)).toBe(true)
  })

  it('once closed, ends the subscription, releases a waiting batch, and sends nothing more', async () => {
    const { server, push, sent, unsubscribe } = setup({ window: 1, timeoutMs: 60_000 })
    await server.receive({ kind: 'subscribe' })
    const waiting = push(0)
    server.close()
    expect(unsubscribe).toHaveBeenCalledOnce()
    expect(await settled(waiting)).toBe(true)
    await server.receive({ kind: 'call', id: 1, method: 'listRuns' })
    push(1)
    expect(sent.map((m) => m.kind)).toEqual(['batch'])
  })
})
