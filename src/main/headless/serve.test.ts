import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMAND_NAMES } from '../../shared/channel/names'
import type { RunEvent } from '../../shared/events'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { MAX_BATCH_EVENTS, MAX_SUBSCRIBER_BACKLOG } from '../core/session/Batcher'
import { nativeTraceText } from '../core/trace/nativeTrace'
import { MAX_OPEN_BYTES } from '../routes/openRoute'
import { syntheticTrace } from '../../../test/core/trace/syntheticTrace'
import type { RunningServer } from './serve'
import { startServer } from './serve'
import { serveCsp } from '../csp'
import type { WsTestClient } from '../../../test/headless/wsTestClient'
import { wsTestClient } from '../../../test/headless/wsTestClient'

let server: RunningServer
let service: PoolScopeService
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'poolscope-serve-'))
  const root = join(dir, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>PoolScope</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.js'), 'SECRET')
  service = new PoolScopeService()
  server = await startServer(service, { port: 0, rendererDir: root })
})

afterAll(async () => {
  await service.shutdown()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: Buffer
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers, method }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Opens a WebSocket to the server and collects what it sends. */
function connect(query = `?token=${server.token}`, origin?: string): Promise<WsTestClient> {
  return wsTestClient(
    `ws://127.0.0.1:${server.port}/api${query}`,
    origin ?? `http://127.0.0.1:${server.port}`
  )
}

describe('serve mode HTTP', () => {
  it('listens on loopback only', () => {
    const addr = server.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
  })

  it('refuses an API request without the token or with a wrong one', async () => {
    for (const q of ['', '&token=wrong']) {
      expect((await get(`/api/export?run=x&format=native${q}`)).status).toBe(403)
      expect((await get(`/api/open?name=x${q}`, {}, 'POST', Buffer.from('{}'))).status).toBe(403)
    }
    await expect(connect('?token=wrong')).rejects.toThrow(/403/)
  })

  it('serves the renderer with the CSP of src/shared/csp.ts, connect-src naming this port only', async () => {
    const res = await get(`/?token=${server.token}`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>PoolScope</title>')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toBe(serveCsp(server.port))
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    const connect = /connect-src ([^;]*)/.exec(csp)![1]!.split(' ')
    expect(connect).toEqual([
      "'self'",
      `ws://127.0.0.1:${server.port}`,
      `ws://localhost:${server.port}`
    ])
    // the page's own files are the public build: no token needed, and none handed out
    const asset = await get('/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toContain('javascript')
  })

  it('keeps the token out of cookies: another local port can neither read nor plant it', async () => {
    // cookies are shared by every port of 127.0.0.1: the token must never be one
    const page = await get(`/?token=${server.token}`)
    expect(page.headers['set-cookie']).toBeUndefined()
    // a cookie holding the right token (planted or replayed) opens nothing
    const run = (await service.call('listRuns', undefined))[0]?.id ?? 'none'
    const withCookie = await get(`/api/export?run=${run}&format=native`, {
      cookie: `poolscope_token=${server.token}`
    })
    expect(withCookie.status).toBe(403)
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api`, {
      origin: `http://127.0.0.1:${server.port}`,
      headers: { cookie: `poolscope_token=${server.token}` }
    })
    const [, refused] = (await once(ws, 'unexpected-response')) as [unknown, IncomingMessage]
    expect(refused.statusCode).toBe(403)
    ws.on('error', () => undefined) // terminate() while connecting reports it as an error
    ws.terminate()
  })

  it('refuses another Origin and another Host even with the token', async () => {
    expect((await get(`/?token=${server.token}`, { origin: 'http://evil.example' })).status).toBe(
      403
    )
    expect(
      (await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })).status
    ).toBe(403)
  })

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.js', '/assets/..%2f..%2fsecret.js', '/%2e%2e/secret.js']) {
      const res = await get(`${path}?token=${server.token}`)
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('SECRET')
    }
  })
  it('streams static files: gone is a 404, a failed read a 500, a file removed mid-send still whole', async () => {
    const assets = join(dir, 'renderer', 'assets')
    // removed before it was opened: a link to a file that is gone
    writeFileSync(join(assets, 'gone.js'), 'x')
    symlinkSync(join(assets, 'gone.js'), join(assets, 'link.js'))
    rmSync(join(assets, 'gone.js'))
    expect((await get('/assets/link.js')).status).toBe(404)
    // a read that fails (EIO at offset 0 of the serving process's own memory): was a crash
    symlinkSync('/proc/self/mem', join(assets, 'mem.js'))
    const failed = await get('/assets/mem.js')
    expect(failed.status).toBe(500)
    expect(failed.body).toMatch(/^cannot read \/assets\/mem\.js: .*EIO/)
    // removed while it is being sent: the open descriptor still reads it whole
    const size = 4 << 20
    writeFileSync(join(assets, 'big.js'), Buffer.alloc(size, 97))
    const received = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/assets/big.js' },
        (res) => {
          let n = 0
          res.once('data', () => rmSync(join(assets, 'big.js')))
          res.on('data', (c: Buffer) => (n += c.length))
          res.on('end', () => resolve(n))
          res.on('error', reject)
        }
      )
      req.on('error', reject)
      req.end()
    })
    expect(received).toBe(size)
    expect((await get('/assets/app.js')).status).toBe(200)
  })
})

describe('serve mode trace downloads', () => {
  it('streams an ended run’s trace as a download in each format, behind the token', async () => {
    const run = service.startRun('hello', { pace: 0.1 })
    await run.done
    const path = (format: string, runId = run.id) =>
      `/api/export?run=${runId}&format=${format}&token=${server.token}`
    const native = await get(path('native'))
    expect(native.status).toBe(200)
    expect(native.headers['content-disposition']).toBe(
      `attachment; filename="hello-${run.id}.poolscope.json"`
    )
    const doc = JSON.parse(native.body) as { format: string; events: RunEvent[] }
    expect(doc.format).toBe('poolscope-trace')
    expect(doc.events).toEqual(JSON.parse(JSON.stringify(run.events.slice())))
    const chrome = await get(path('chrome'))
    expect(chrome.headers['content-type']).toContain('application/json')
    const pids = (JSON.parse(chrome.body) as { traceEvents: { pid: number }[] }).traceEvents.map(
      (e) => e.pid
    )
    expect(pids).toContain(process.pid)
    const csv = await get(path('csv'))
    expect(csv.body.split('\n')[0]).toMatch(/^table,time_ms,core,cpu_percent,pid,/)
    // HEAD checks without a body
    const head = await get(path('chrome'), {}, 'HEAD')
    expect([head.status, head.body]).toEqual([200, ''])
    // what is wrong is said, by name
    const missing = await get(path('native', 'run-404'))
    expect([missing.status, missing.body]).toEqual([404, "no run with id 'run-404'\n"])
    const badFormat = await get(path('pdf'))
    expect(badFormat.status).toBe(400)
    expect(badFormat.body).toMatch(/^exportRun: .*format/)
    expect((await get(`/api/export?run=${run.id}&format=native`)).status).toBe(403)
    const live = service.startRun('hello', { pace: 1 })
    const still = await get(path('native', live.id))
    expect([still.status, still.body]).toEqual([
      400,
      `run '${live.id}' is still running: export it when it has ended\n`
    ])
    await live.stop()
  })

  it('a client that goes away mid-download leaves the server serving', async () => {
    const text = [...nativeTraceText(syntheticTrace(50_000))].join('')
    const opened = await service.call('openTrace', { fileName: 'big.json', content: text })
    const path = `/api/export?run=${opened.id}&format=chrome&token=${server.token}`
    const firstBytes = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy() // gone after the first piece
          resolve(chunk.length)
        })
      })
      req.on('error', reject)
      req.end()
    })
    expect(firstBytes).toBeGreaterThan(0)
    const again = await get(path, {}, 'HEAD')
    expect(again.status).toBe(200)
    // a whole download waits for the socket many times, with one listener each for drain/close
    const warnings: Error[] = []
    const onWarning = (w: Error): number => warnings.push(w)
    process.on('warning', onWarning)
    const whole = await get(path)
    await new Promise((r) => setTimeout(r, 10)) // warnings are emitted a tick later
    process.off('warning', onWarning)
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning')
    const doc = JSON.parse(whole.body) as { traceEvents: unknown[] }
    expect(doc.traceEvents.length).toBeGreaterThan(50_000)
  })
})

describe('serve mode trace uploads', () => {
  const post = (name: string, body: Buffer, headers: Record<string, string> = {}) =>
    get(`/api/open?name=${encodeURIComponent(name)}&token=${server.token}`, headers, 'POST', body)

  it('opens a posted trace, plain or gzip, as a replay run; says what is wrong with a bad one', async () => {
    const trace = syntheticTrace(500)
    const text = [...nativeTraceText(trace)].join('')
    const plain = await post('t.poolscope.json', Buffer.from(text))
    expect(plain.status).toBe(200)
    const info = JSON.parse(plain.body) as { id: string; replay: boolean; scenario: string }
    expect(info).toMatchObject({ replay: true, scenario: trace.meta.scenario })
    expect(service.getRun(info.id).events.slice()).toEqual(JSON.parse(JSON.stringify(trace.events)))
    const gz = await post('t.poolscope.json.gz', gzipSync(text))
    expect(gz.status).toBe(200)
    expect(JSON.parse(gz.body)).toMatchObject({ replay: true })

    const bad = await post('broken.json', Buffer.from('{"format":"poolscope-trace"'))
    expect(bad.status).toBe(400)
    expect(bad.body).toMatch(/^broken\.json: /)
    const bomb = await post('bomb.json.gz', gzipSync(Buffer.alloc(MAX_OPEN_BYTES + 1, 32)))
    expect([bomb.status, bomb.body]).toEqual([
      400,
      'bomb.json.gz: decompresses to more than the limit of 64 MiB\n'
    ])
    const tooBig = await post('big.json', Buffer.alloc(MAX_OPEN_BYTES + 1, 32))
    expect(tooBig.status).toBe(413)
    expect(tooBig.body).toMatch(/^big\.json: file is .* over the limit of 64 MiB/)
    // only POST, only with the token, only from our own origin
    expect((await get(`/api/open?name=x&token=${server.token}`)).status).toBe(405)
    const path = `/api/open?name=t.json`
    expect((await get(path, {}, 'POST', Buffer.from(text))).status).toBe(403)
    const evil = { origin: 'http://evil.example' }
    expect((await post('t.json', Buffer.from(text), evil)).status).toBe(403)
  })
})

describe('serve mode WebSocket', () => {
  it('refuses a connection without the token or from another Origin', async () => {
    await expect(connect('')).rejects.toThrow(/403/)
    await expect(connect(`?token=${server.token}`, 'http://evil.example')).rejects.toThrow(/403/)
  })

  it('answers garbage with an error naming the problem and keeps serving', async () => {
    const c = await connect()
    c.ws.send('this is not json')
    expect(await c.next((m) => m.kind === 'error')).toMatchObject({
      kind: 'error',
      id: null,
      error: { message: 'message is not valid JSON' }
    })
    c.ws.send(JSON.stringify({ kind: 'call', id: 7, method: 'rmRf' }))
    const bad = await c.next((m) => m.kind === 'error' && m.id === 7)
    expect(bad.kind === 'error' && bad.error.message).toMatch(/^message\.method: /)
    c.ws.send(
      JSON.stringify({
        kind: 'call',
        id: 8,
        method: 'startRun',
        input: { scenario: 'hello', params: { nope: 1 } }
      })
    )
    const badParam = await c.next((m) => m.kind === 'error' && m.id === 8)
    expect(badParam.kind === 'error' && badParam.error.message).toContain(
      "unknown parameter 'nope'"
    )
    c.ws.send(
      JSON.stringify({ kind: 'call', id: 9, method: 'stopRun', input: { runId: 'run-999' } })
    )
    const notFound = await c.next((m) => m.kind === 'error' && m.id === 9)
    expect(notFound.kind === 'error' && notFound.error).toMatchObject({ code: 'not-found' })
    c.ws.send(JSON.stringify({ kind: 'call', id: 10, method: 'listScenarios' }))
    const ok = await c.next((m) => m.kind === 'result' && m.id === 10)
    expect(ok.kind === 'result' && (ok.value as { id: string }[]).map((s) => s.id)).toContain(
      'hello'
    )
    c.ws.close()
  })

  it('fuzz: every message gets an answer, garbage an error, and the server keeps serving', async () => {
    const c = await connect()
    const id = fc.integer({ min: 1000, max: 1_000_000 })
    const message = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          kind: fc.constantFrom('call', 'subscribe', 'nope'),
          id,
          method: fc.oneof(
            fc.constantFrom(...COMMAND_NAMES.filter((n) => n !== 'startRun')),
            fc.string()
          ),
          input: fc.anything()
        })
        .map((m) => JSON.stringify(m))
    )
    const sent = fc.sample(message, Number(process.env.FUZZ_RUNS ?? 200))
    for (const text of sent) c.ws.send(text)
    c.ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'listScenarios' }))
    const ok = await c.next((m) => m.kind === 'result' && m.id === 1)
    expect(ok.kind).toBe('result')
    // one reply per message, except well-formed subscriptions (they answer with batches)
    const replies = c.inbox.filter((m) => m.kind !== 'batch').length - 1
    const subscriptions = sent.filter((t) => {
      try {
        const m = JSON.parse(t) as { kind?: unknown }
        return m.kind === 'subscribe' && Object.keys(m).every((k) => k === 'kind' || k === 'since')
      } catch {
        return false
      }
    }).length
    expect(replies).toBeGreaterThanOrEqual(sent.length - subscriptions)
    for (const m of c.inbox)
      if (m.kind === 'error') expect(m.error.message.length).toBeGreaterThan(0)
    c.ws.close()
  })

  it('runs hello from a client: the events name the real child, whose parent is this host', async () => {
    const c = await connect()
    c.ws.send(JSON.stringify({ kind: 'subscribe' }))
    c.ws.send(
      JSON.stringify({
        kind: 'call',
        id: 1,
        method: 'startRun',
        input: { scenario: 'hello', params: { pace: 0.1 } }
      })
    )
    const started = await c.next((m) => m.kind === 'result' && m.id === 1)
    const runId = started.kind === 'result' ? (started.value as { id: string }).id : ''
    await c.next(
      (m) =>
        m.kind === 'batch' &&
        m.batch.runId === runId &&
        m.batch.events.some((e) => e.type === 'run.end')
    )
    const events = c.inbox.flatMap((m) =>
      m.kind === 'batch' && m.batch.runId === runId ? m.batch.events : []
    ) as RunEvent[]
    const spawn = events.find((e) => e.type === 'proc.spawn')
    const end = events.find((e) => e.type === 'run.end')
    expect(spawn).toMatchObject({ ppid: process.pid })
    expect(end).toMatchObject({
      status: 'finished',
      hostPid: process.pid,
      verdict: { passed: true }
    })
    const printed = events.find((e) => e.type === 'stdout')
    expect(printed?.type === 'stdout' && printed.text).toBe(
      `hello from pid ${spawn?.type === 'proc.spawn' && spawn.pid}, parent pid ${process.pid}\n`
    )
    // batches arrive in order, numbered from 0
    const seqs = c.inbox.flatMap((m) =>
      m.kind === 'batch' && m.batch.runId === runId ? [m.batch.seq] : []
    )
    expect(seqs).toEqual(seqs.map((_, i) => i))
    c.ws.close()
  })

  it('streams an opened trace larger than the backlog bound: capped batches, in order, none dropped', async () => {
    const trace = syntheticTrace(MAX_SUBSCRIBER_BACKLOG * 2)
    const content = [...nativeTraceText(trace)].join('')
    const c = await connect()
    c.send({ kind: 'subscribe' })
    c.send({ kind: 'call', id: 1, method: 'listRuns' })
    await c.next((m) => m.kind === 'result' && m.id === 1)
    c.send({ kind: 'call', id: 2, method: 'openTrace', input: { fileName: 'big.json', content } })
    c.ws.pause() // a client busy elsewhere for a while: the rest waits for it, none is dropped
    await new Promise((r) => setTimeout(r, 300))
    c.ws.resume()
    const info = await c.next((m) => m.kind === 'result' && m.id === 2)
    const runId = info.kind === 'result' && (info.value as { id: string }).id
    const ofRun = () =>
      c.inbox.flatMap((m) => (m.kind === 'batch' && m.batch.runId === runId ? [m.batch] : []))
    await c.next(() => ofRun().reduce((n, b) => n + b.events.length, 0) >= trace.events.length)
    const batches = ofRun()
    expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i))
    expect(Math.max(...batches.map((b) => b.events.length))).toBe(MAX_BATCH_EVENTS)
    expect(batches.some((b) => b.dropped)).toBe(false)
    expect(batches.flatMap((b) => b.events)).toEqual(JSON.parse(JSON.stringify(trace.events)))
    c.ws.close()
  })

  it('resumes after a reconnect from the last batch seen', async () => {
    const run = service.startRun('hello', { pace: 0.1 })
    await run.done
    const c = await connect()
    c.ws.send(JSON.stringify({ kind: 'subscribe', since: { [run.id]: 0 } }))
    await c.next(
      (m) =>
        m.kind === 'batch' &&
        m.batch.runId === run.id &&
        m.batch.events.some((e) => e.type === 'run.end')
    )
    const got = c.inbox.flatMap((m) =>
      m.kind === 'batch' && m.batch.runId === run.id ? [m.batch] : []
    )
    expect(got[0]?.seq).toBe(1)
    const replayed = got.flatMap((b) => b.events)
    expect(replayed).toEqual(run.events.slice(run.events.length - replayed.length))
    c.ws.close()
  })
})
