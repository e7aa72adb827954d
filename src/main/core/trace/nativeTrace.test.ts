import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NativeTraceSchema, TRACE_FORMAT, TRACE_VERSION } from '../../../shared/trace'
import { PoolScopeService } from '../host/PoolScopeService'
import type { Run } from '../session/Run'
import { toNativeTrace } from './nativeTrace'
import { parseNativeTrace } from './parseNativeTrace'
import { loadTraceFile } from './loadTraceFile'
import { syntheticTrace } from '../../../../test/core/trace/syntheticTrace'
import { writeTrace } from './writeTrace'

/** A real `hello` run: real processes, real PIDs. */
async function helloRun(service: PoolScopeService): Promise<Run> {
  const run = service.startRun('hello', { pace: 0.1 })
  await run.done
  return run
}

describe('native trace', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poolscope-native-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips a real hello run through the API: export → open gives the same run', async () => {
    const service = new PoolScopeService()
    const run = await helloRun(service)
    const exported = await service.call('exportRun', { runId: run.id, format: 'native' })
    expect(exported.fileName).toBe(`hello-${run.id}.poolscope.json`)
    expect(exported.mime).toBe('application/json')
    const doc = JSON.parse(exported.content) as Record<string, unknown>
    expect(Object.keys(doc).slice(0, 2)).toEqual(['format', 'version'])
    expect(doc).toMatchObject({ format: TRACE_FORMAT, version: TRACE_VERSION })

    const info = await service.call('openTrace', {
      fileName: exported.fileName,
      content: exported.content
    })
    expect(info).toMatchObject({ replay: true, scenario: 'hello', status: 'finished' })
    const replay = service.getRun(info.id)
    expect(replay.events.slice()).toEqual(run.events.slice())
    expect(replay.verdict).toEqual(run.verdict)
    expect(replay.info().params).toEqual(run.params)
    expect(replay.info().startedAt).toBe(run.startedAt)
    expect(replay.info().hostPid).toBe(process.pid)
    // The real PIDs survive: the spawned child is the one the child itself reported.
    const spawn = replay.events.slice().find((e) => e.type === 'proc.spawn')
    expect(spawn?.type === 'proc.spawn' && spawn.pid).toBe((run.result as { pid: number }).pid)

    // Re-exporting the replay gives the same document (the meta is the recorded one).
    const again = await service.call('exportRun', { runId: info.id, format: 'native' })
    expect(JSON.parse(again.content)).toEqual(doc)
    await service.shutdown()
  })

  it('a stopped run (real processes) exports and re-opens as stopped', async () => {
    const service = new PoolScopeService()
    const run = service.startRun('hello', { pace: 1 })
    await new Promise<void>((resolve) => {
      const off = service.subscribe((b) => {
        if (b.events.some((e) => e.type === 'proc.spawn')) {
          off()
          resolve()
        }
      })
    })
    await service.call('stopRun', { runId: run.id })
    expect(run.status).toBe('stopped')
    const exported = await service.call('exportRun', { runId: run.id, format: 'native' })
    const info = await service.call('openTrace', { fileName: 'x', content: exported.content })
    expect(info).toMatchObject({ status: 'stopped', verdict: { passed: false } })
    expect(service.getRun(info.id).events).toEqual(run.events)
    await service.shutdown()
  })

  it('records the machine and the run in meta', async () => {
    const service = new PoolScopeService()
    const run = await helloRun(service)
    const { meta } = toNativeTrace(run)
    expect(meta).toMatchObject({ scenario: 'hello', params: run.params, hostPid: process.pid })
    expect(meta.startedAt).toBe(run.startedAt)
    expect(meta.cores).toBeGreaterThan(0)
    expect(meta.cpuModel.length).toBeGreaterThan(0)
    expect(meta.os).toContain(process.platform)
    expect(meta.appVersion).toMatch(/^\d+\.\d+\.\d+/)
    await service.shutdown()
  })

  it.each(['run.poolscope.json', 'run.poolscope.json.gz'])(
    'writes %s to disk and reads it back identical (real hello run)',
    async (name) => {
      const service = new PoolScopeService()
      const run = await helloRun(service)
      const trace = toNativeTrace(run)
      const path = join(dir, name)
      expect(await writeTrace(trace, 'native', path)).toEqual([path])
      const raw = readFileSync(path)
      const text = name.endsWith('.gz') ? gunzipSync(raw).toString() : raw.toString()
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(trace)))
      expect(await loadTraceFile(path)).toEqual({ ...trace, events: trace.events.slice() })
      await service.shutdown()
    }
  )

  it('round-trips a SYNTHETIC trace with every kind of event', () => {
    const trace = syntheticTrace(3000)
    const types = new Set(trace.events.map((e) => e.type))
    for (const type of ['queue.put', 'queue.get', 'lock.wait', 'pipe.send', 'task.end', 'sample'])
      expect(types).toContain(type)
    expect(NativeTraceSchema.safeParse(trace).success).toBe(true)
    const text = JSON.stringify(trace)
    expect(parseNativeTrace(text)).toEqual(trace)
  })
})
