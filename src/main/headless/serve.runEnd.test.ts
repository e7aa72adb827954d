// Serve mode with a scenario whose verdict throws: the client sees the run end `failed` with a
// check naming the exception, and the host keeps serving (no unhandled rejection anywhere).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunInfo } from '../../shared/api'
import type { EventOf } from '../../shared/events'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { hello } from '../core/scenarios/hello/program'
import type { ScenarioProgram } from '../core/scenarios/ScenarioProgram'
import type { RunningServer } from './serve'
import { startServer } from './serve'
import { wsTestClient } from '../../../test/headless/wsTestClient'

const broken: ScenarioProgram = {
  spec: { ...hello.spec, id: 'broken-verdict' },
  run: async () => 'ran',
  verdict: () => {
    throw new RangeError('verdict out of range')
  },
  texts: {}
}

let server: RunningServer
let service: PoolScopeService
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'poolscope-runend-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>PoolScope</title>')
  mkdirSync(join(dir, 'assets'))
  service = new PoolScopeService({ programs: new Map([[broken.spec.id, broken]]) })
  server = await startServer(service, { port: 0, rendererDir: dir })
})

afterAll(async () => {
  await service.shutdown() // resolves although a run failed
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

it('a verdict that throws: the client sees status failed and the host keeps serving', async () => {
  const origin = `http://127.0.0.1:${server.port}`
  const c = await wsTestClient(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, origin)
  try {
    c.send({ kind: 'subscribe' })
    c.send({
      kind: 'call',
      id: 1,
      method: 'startRun',
      input: { scenario: 'broken-verdict', params: {} }
    })
    const started = await c.next((m) => m.kind === 'result' && m.id === 1)
    const runId = (started as { value: RunInfo }).value.id
    const endMsg = await c.next(
      (m) => m.kind === 'batch' && m.batch.events.some((e) => e.type === 'run.end')
    )
    const end = (endMsg as { batch: { events: EventOf<'run.end'>[] } }).batch.events.find(
      (e) => e.type === 'run.end'
    )!
    expect(end).toMatchObject({
      status: 'failed',
      error: { name: 'RangeError', message: 'verdict out of range' },
      verdict: { passed: false, outcome: 'failed' }
    })
    expect(end.verdict.checks[0]).toMatchObject({
      id: 'kit.verdict.threw',
      outcome: 'failed',
      values: { error: 'RangeError', message: 'verdict out of range' }
    })
    // still serving: a new call is answered, and the run is listed as failed
    c.send({ kind: 'call', id: 2, method: 'listRuns' })
    const listed = await c.next((m) => m.kind === 'result' && m.id === 2)
    expect((listed as { value: RunInfo[] }).value).toEqual([
      expect.objectContaining({ id: runId, status: 'failed' })
    ])
  } finally {
    c.ws.terminate()
  }
})
