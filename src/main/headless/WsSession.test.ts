import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { WebSocketServer } from 'ws'
import type { EventBatch, RunEvent } from '../../shared/events'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { Batcher } from '../core/session/Batcher'
import type { RunningServer } from './serve'
import { startServer } from './serve'
import type { ChannelService } from '../channel/ChannelServer'
import { WsSession } from './WsSession'
import type { WsTestClient } from '../../../test/headless/wsTestClient'
import { wsTestClient } from '../../../test/headless/wsTestClient'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A test client, terminated after the test. */
async function client(url: string, origin?: string): Promise<WsTestClient> {
  const c = await wsTestClient(url, origin)
  cleanups.push(() => c.ws.terminate())
  return c
}

describe('WsSession with a client that stops reading', () => {
  it('bounds the socket’s unwritten bytes and the backlog, drops and counts, and still delivers the run’s end', async () => {
    const BACKLOG = 1000 // events
    const BOUND = 256 * 1024 // bytes
    const service = new PoolScopeService()
    const batcher = new Batcher(1000, 100)
    const ws: ChannelService = {
      call: (name, input) => service.call(name, input),
      getRun: (id) => service.getRun(id),
      subscribe: (listener) => batcher.subscribe(listener, { maxBacklog: BACKLOG })
    }
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    cleanups.push(() => new Promise<void>((r) => wss.close(() => r())))
    await once(wss, 'listening')
    const sockets: WebSocket[] = []
    wss.on('connection', (socket) => {
      sockets.push(socket)
      new WsSession(socket, ws, BOUND)
    })
    const c = await client(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
    c.send({ kind: 'subscribe' })
    c.send({ kind: 'call', id: 1, method: 'listRuns' }) // answered after the subscribe
    await c.next((m) => m.kind === 'result' && m.id === 1)
    expect(batcher.subscriberCount).toBe(1)
    c.ws.pause() // the client stops reading; the kernel buffers fill, then the batches wait

    const run = { id: 'run-flood', events: [] as RunEvent[] }
    const text = 'x'.repeat(1000)
    let maxBuffered = 0
    for (let i = 0; i < 300; i++) {
      // 100 events of 1 kB per flush: 30 MB offered, far past what the kernel buffers
      for (let k = 0; k < 100; k++) {
        run.events.push({ t: run.events.length, type: 'stdout', pid: 1, text })
      }
      batcher.touch(run)
      batcher.flush()
      await new Promise((r) => setImmediate(r)) // let the socket write what it can
      maxBuffered = Math.max(maxBuffered, sockets[0]!.bufferedAmount)
    }
    const batchBytes = JSON.stringify({
      kind: 'batch',
      batch: { runId: run.id, seq: 300, events: run.events.slice(-100), dropped: 30_000 }
    }).length
    expect(maxBuffered).toBeGreaterThan(BOUND) // the client really stopped reading
    // at most the bound and the batch that crossed it (+ its frame's header)
    expect(maxBuffered).toBeLessThanOrEqual(BOUND + batchBytes + 16)
    // the run ends while the client is still behind: its end is not dropped
    run.events.push({
      t: run.events.length,
      type: 'run.end',
      status: 'finished',
      hostPid: process.pid,
      result: null,
      verdict: { passed: true, outcome: 'passed', checks: [] }
    })
    batcher.touch(run)
    batcher.flush()
    c.ws.resume()
    await c.next((m) => m.kind === 'batch' && m.batch.events.some((e) => e.type === 'run.end'))
    const batches = c.inbox.flatMap((m) => (m.kind === 'batch' ? [m.batch] : []))
    const received = batches.reduce((n, b) => n + b.events.length, 0)
    const dropped = batches.reduce((n, b) => n + (b.dropped ?? 0), 0)
    expect(dropped).toBeGreaterThan(0) // the client really fell behind
    expect(batches.at(-1)!.dropped).toBeGreaterThan(0)
    expect(received + dropped).toBe(run.events.length)
    // what arrived is in order, batches numbered upwards
    const seqs = batches.map((b) => b.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    const ts = batches.flatMap((b) => b.events.map((e) => e.t))
    expect(ts).toEqual([...ts].sort((a, b) => a - b))
    // the recorder kept everything for a resume
    expect(batcher.batchesSince(run, -1).flatMap((b: EventBatch) => b.events)).toHaveLength(
      run.events.length
    )
    batcher.dispose()
  })
})

describe('WsSession through serve mode', () => {
  let server: RunningServer
  let service: PoolScopeService

  async function serve(): Promise<string> {
    service = new PoolScopeService()
    server = await startServer(service, { port: 0, rendererDir: '/nonexistent' })
    cleanups.push(async () => {
      await service.shutdown()
      await server.close()
    })
    return `ws://127.0.0.1:${server.port}/api?token=${server.token}`
  }

  it('answers bad subscriptions with an error naming the problem, and keeps serving', async () => {
    const url = await serve()
    const origin = `http://127.0.0.1:${server.port}`
    const c = await client(url, origin)
    c.send({ kind: 'subscribe', since: 'yesterday' })
    const bad = await c.next((m) => m.kind === 'error')
    expect(bad.kind === 'error' && bad.error.message).toMatch(/^message\.since: /)
    c.send({ kind: 'subscribe', since: { 'run-1': 'zero' } })
    const badRun = await c.next((m) => m.kind === 'error' && m !== bad)
    expect(badRun.kind === 'error' && badRun.error.message).toMatch(/^message\.since\.run-1: /)

    c.send({ kind: 'subscribe', everything: true })
    await c.next((m) => m.kind === 'error' && m.error.message.includes('everything'))
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    await c.next((m) => m.kind === 'error' && m.error.message.includes('binary'))
    // an unknown run: said so, naming it, and subscribed to the rest all the same
    c.send({ kind: 'subscribe', since: { 'run-404': 3 } })
    const unknown = await c.next((m) => m.kind === 'error' && m.error.code === 'not-found')
    expect(unknown.kind === 'error' && unknown.error.message).toBe(
      "subscribe: no run with id 'run-404'"
    )
    const run = service.startRun('hello', { pace: 0.1 })
    const end = await c.next(
      (m) =>
        m.kind === 'batch' && m.batch.runId === run.id && m.batch.events.at(-1)?.type === 'run.end'
    )
    expect(end.kind === 'batch' && end.batch.events.at(-1)).toMatchObject({ status: 'finished' })
    // the run was sampled: its samples went out with the other events
    const events = c.inbox.flatMap((m) => (m.kind === 'batch' ? m.batch.events : []))
    expect(events.some((e) => e.type === 'sample')).toBe(true)
    // the server is still up for this client and for a new one
    c.send({ kind: 'call', id: 5, method: 'listRuns' })
    await c.next((m) => m.kind === 'result' && m.id === 5)
    const d = await client(url, origin)
    d.send({ kind: 'call', id: 1, method: 'listScenarios' })
    await d.next((m) => m.kind === 'result' && m.id === 1)
  })
})
