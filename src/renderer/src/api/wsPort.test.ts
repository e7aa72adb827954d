// The browser face's client: createApi over wsPort, with a fake WebSocket and a fake probe.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChannelRequest, ChannelResponse, ConnectionState } from '../../../shared/api'
import { createApi } from '../../../shared/channel/createApi'
import type { Probe } from './wsPort'
import { wsPort } from './wsPort'

class FakeSocket {
  readyState = 0
  readonly sent: ChannelRequest[] = []
  onopen: (() => void) | null = null
  onmessage: ((ev: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {}
  send(text: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open')
    this.sent.push(JSON.parse(text) as ChannelRequest)
  }
  open(): void {
    this.readyState = 1
    this.onopen?.()
  }
  receive(msg: ChannelResponse): void {
    this.onmessage?.({ data: JSON.stringify(msg) })
  }
  drop(): void {
    this.readyState = 3
    this.onclose?.()
  }
}

let sockets: FakeSocket[]
let probeAnswer: 'refused' | 'unknown'
const probe: Probe = vi.fn(async () => probeAnswer)

function setup() {
  const api = createApi(
    wsPort('ws://127.0.0.1:5178/api?token=t', {
      probe,
      retryMs: 100,
      maxRetryMs: 400,
      createSocket: (url) => {
        const s = new FakeSocket(url)
        sockets.push(s)
        return s as unknown as WebSocket
      }
    })
  )
  const states: ConnectionState[] = []
  api.connection.onChange((s) => states.push(s))
  return { api, states, socket: () => sockets.at(-1)! }
}

beforeEach(() => {
  vi.useFakeTimers()
  sockets = []
  probeAnswer = 'unknown'
})
afterEach(() => vi.useRealTimers())

const batch = (runId: string, seq: number): ChannelResponse => ({
  kind: 'batch',
  batch: { runId, seq, events: [] }
})

describe('the WebSocket client', () => {
  it('sends calls made while the first connection is made once it opens', async () => {
    const { api, socket } = setup()
    expect(api.connection.get()).toBe('connecting')
    const runs = api.listRuns()
    socket().open()
    expect(socket().sent).toEqual([{ kind: 'call', id: 1, method: 'listRuns' }])
    socket().receive({ kind: 'result', id: 1, value: [] })
    await expect(runs).resolves.toEqual([])
  })

  it('fails a call made while the socket is down at once, and never sends it later', async () => {
    const { api, socket, states } = setup()
    socket().open()
    socket().drop()
    expect(api.connection.get()).toBe('reconnecting')
    await expect(api.startRun({ scenario: 'hello' })).rejects.toMatchObject({
      code: 'disconnected',
      message: expect.stringMatching(/startRun: not connected .*not sent/)
    })
    await vi.advanceTimersByTimeAsync(100) // the retry
    expect(sockets).toHaveLength(2)
    socket().open()
    expect(socket().sent).toEqual([]) // the failed startRun is not sent after the reconnect
    expect(states).toEqual(['connected', 'reconnecting', 'connected'])
  })

  it('fails a call in flight when the connection drops, with the code kept', async () => {
    const { api, socket } = setup()
    socket().open()
    const stop = api.stopRun({ runId: 'run-1' })
    const bad = api.stopRun({ runId: 'run-2' })
    socket().receive({
      kind: 'error',
      id: 2,
      error: { code: 'not-found', message: "no run with id 'run-2'" }
    })
    await expect(bad).rejects.toMatchObject({ code: 'not-found', name: 'ChannelError' })
    socket().drop()
    await expect(stop).rejects.toMatchObject({
      code: 'disconnected',
      message: expect.stringMatching(/lost before it answered/)
    })
  })

  it('fails the calls waiting for a first connection that does not come, unsent', async () => {
    const { api, socket } = setup()
    const runs = api.listRuns()
    socket().drop()
    await expect(runs).rejects.toMatchObject({
      code: 'disconnected',
      message: expect.stringMatching(/not sent/)
    })
    await vi.advanceTimersByTimeAsync(100)
    socket().open()
    expect(socket().sent).toEqual([])
  })

  it('resumes the subscription after the last batch seen of each run, each batch once, acked', async () => {
    const { api, socket } = setup()
    const got: string[] = []
    const off = api.subscribe((b) => got.push(`${b.runId}#${b.seq}`))
    socket().open()
    expect(socket().sent).toEqual([{ kind: 'subscribe', since: {} }])
    socket().receive(batch('run-1', 0))
    socket().receive(batch('run-1', 1))
    socket().receive(batch('run-2', 0))
    expect(socket().sent.filter((m) => m.kind === 'ack')).toHaveLength(3)
    socket().drop()
    await vi.advanceTimersByTimeAsync(100)
    socket().open()
    expect(socket().sent).toEqual([{ kind: 'subscribe', since: { 'run-1': 1, 'run-2': 0 } }])
    socket().receive(batch('run-1', 1)) // a repeat: not applied again, still acknowledged
    socket().receive(batch('run-1', 2))
    expect(got).toEqual(['run-1#0', 'run-1#1', 'run-2#0', 'run-1#2'])
    expect(socket().sent.filter((m) => m.kind === 'ack')).toHaveLength(2)
    off()
    expect(socket().sent.at(-1)).toEqual({ kind: 'unsubscribe' })
  })

  it('says the host is gone when it refuses the token (restarted), and stops trying', async () => {
    const { api, socket, states } = setup()
    socket().open()
    probeAnswer = 'refused'
    socket().drop()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.connection.get()).toBe('gone')
    expect(states).toEqual(['connected', 'reconnecting', 'gone'])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sockets).toHaveLength(1)
    await expect(api.listScenarios()).rejects.toMatchObject({ code: 'disconnected' })
  })

  it('waits longer between attempts while the host does not answer, up to a bound', async () => {
    const { socket } = setup()
    socket().open()
    socket().drop()
    const opened: number[] = []
    for (let i = 0; i < 5; i++) {
      const n = sockets.length
      let waited = 0
      while (sockets.length === n) {
        await vi.advanceTimersByTimeAsync(50)
        waited += 50
      }
      opened.push(waited)
      socket().drop()
    }
    expect(opened).toEqual([100, 200, 400, 400, 400])
  })
})
