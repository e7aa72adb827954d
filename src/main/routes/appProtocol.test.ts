// The Electron window's scheme, without Electron: the same trace routes as serve mode, the
// renderer's files with the one CSP, nothing for another host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { nativeTraceText } from '../core/trace/nativeTrace'
import { parseNativeTrace } from '../core/trace/parseNativeTrace'
import { ELECTRON_CSP } from '../csp'
import { syntheticTrace } from '../../../test/core/trace/syntheticTrace'
import { APP_ORIGIN, appProtocolHandler, devApiRequest, isAppUrl } from './appProtocol'
import { MAX_OPEN_BYTES } from './openRoute'

let dir: string
let service: PoolScopeService
let handle: (request: Request) => Promise<Response>

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'poolscope-app-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>PoolScope</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  service = new PoolScopeService()
  handle = appProtocolHandler(service, dir)
})

afterAll(async () => {
  await service.shutdown()
  rmSync(dir, { recursive: true, force: true })
})

const at = (path: string, init?: RequestInit): Promise<Response> =>
  handle(new Request(`${APP_ORIGIN}${path}`, init))

describe('poolscope://app', () => {
  it('serves the renderer with the Electron CSP, and nothing for another host', async () => {
    const page = await at('/index.html')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>PoolScope</title>')
    expect(page.headers.get('content-security-policy')).toBe(ELECTRON_CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await at('/assets/app.js')).headers.get('content-type')).toContain('javascript')
    expect((await at('/assets/none.js')).status).toBe(404)
    const escape = await at('/..%2f..%2f..%2f..%2fetc%2fpasswd')
    expect(await escape.text()).not.toContain('root:') // the page again, never a file outside
    expect((await handle(new Request('poolscope://other/index.html'))).status).toBe(404)
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true)
    expect(isAppUrl('poolscope://other/index.html')).toBe(false)
    expect(isAppUrl('file:///index.html')).toBe(false)
  })

  it('opens a posted trace in the main process, with the same limits as serve mode', async () => {
    const trace = syntheticTrace(300)
    const text = [...nativeTraceText(trace)].join('')
    const post = (name: string, body: string | Uint8Array) =>
      at(`/api/open?name=${encodeURIComponent(name)}`, { method: 'POST', body })
    const plain = await post('t.poolscope.json', text)
    expect(plain.status).toBe(200)
    const info = (await plain.json()) as { id: string; replay: boolean }
    expect(info.replay).toBe(true)
    expect(service.getRun(info.id).events.slice()).toEqual(JSON.parse(JSON.stringify(trace.events)))
    expect((await post('t.json.gz', gzipSync(text))).status).toBe(200)
    const bad = await post('broken.json', '{"format"')
    expect([bad.status, await bad.text()]).toEqual([400, expect.stringMatching(/^broken\.json: /)])
    const big = await post('big.json', new Uint8Array(MAX_OPEN_BYTES + 1))
    expect(big.status).toBe(413)
    expect(await big.text()).toMatch(/^big\.json: file is .*over the limit of 64 MiB/)
    expect((await at('/api/open?name=x')).status).toBe(405)
  })

  it('streams an ended run’s export: the same bytes as the API, errors by name', async () => {
    const text = [...nativeTraceText(syntheticTrace(2_000))].join('')
    const opened = await service.call('openTrace', { fileName: 'x.json', content: text })
    const res = await at(`/api/export?run=${opened.id}&format=native`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename=".*\.poolscope\.json"$/
    )
    const body = await res.text()
    expect(body).toBe(
      (await service.call('exportRun', { runId: opened.id, format: 'native' })).content
    )
    expect(parseNativeTrace(body).events.length).toBe(
      opened ? service.getRun(opened.id).events.length : 0
    )
    const head = await at(`/api/export?run=${opened.id}&format=chrome`, { method: 'HEAD' })
    expect([head.status, head.body]).toEqual([200, null])
    const missing = await at('/api/export?run=run-404&format=native')
    expect([missing.status, await missing.text()]).toEqual([404, "no run with id 'run-404'\n"])
    expect((await at(`/api/export?run=${opened.id}&format=pdf`)).status).toBe(400)
    expect(
      (await at(`/api/export?run=${opened.id}&format=native`, { method: 'POST' })).status
    ).toBe(405)
  })

  it('under the dev server, the page’s trace routes go to the app scheme, the rest stays', async () => {
    const dev = 'http://localhost:5173'
    const body = [...nativeTraceText(syntheticTrace(100))].join('')
    const mapped = devApiRequest(
      dev,
      new Request(`${dev}/api/open?name=d.json`, { method: 'POST', body })
    )!
    expect(mapped.url).toBe(`${APP_ORIGIN}/api/open?name=d.json`)
    const opened = await handle(mapped)
    expect(opened.status).toBe(200)
    expect(devApiRequest(dev, new Request(`${dev}/src/main.tsx`))).toBeNull()
    expect(devApiRequest(dev, new Request('http://localhost:9999/api/open'))).toBeNull()
  })
})
