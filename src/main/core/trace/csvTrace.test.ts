import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { PoolScopeService } from '../host/PoolScopeService'
import { csvField } from './csvField'
import { parseCsv } from './parseCsv'
import { COMBINED_COLUMNS, CSV_COLUMNS, CSV_TABLES, csvTablePaths } from './csvTrace'
import { syntheticTrace } from '../../../../test/core/trace/syntheticTrace'
import { writeTrace } from './writeTrace'

function asObjects(rows: string[][]): Array<Record<string, string>> {
  const [head, ...body] = rows
  return body.map((r) => {
    expect(r).toHaveLength(head!.length)
    return Object.fromEntries(head!.map((h, i) => [h, r[i]!]))
  })
}

describe('CSV export', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poolscope-csv-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('quotes fields per RFC 4180 only when needed', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"')
    expect(csvField(null)).toBe('')
    expect(csvField(0.5)).toBe('0.5')
  })

  it('--trace FILE.csv writes one file per table that parses back with the declared columns (SYNTHETIC run)', async () => {
    const trace = syntheticTrace(5000)
    const nasty = 'a "quoted", comma\nand a line break\r\n'
    trace.events.splice(10, 0, { t: trace.events[9]!.t, type: 'stdout', pid: 30001, text: nasty })
    const written = await writeTrace(trace, 'csv', join(dir, 'run.csv'))
    const paths = csvTablePaths(join(dir, 'run.csv'))
    expect(written).toEqual(CSV_TABLES.map((t) => paths[t]))
    expect(readdirSync(dir).sort()).toEqual([
      'run.events.csv',
      'run.samples-cores.csv',
      'run.samples-procs.csv'
    ])
    const table = (t: (typeof CSV_TABLES)[number]): Array<Record<string, string>> => {
      const rows = parseCsv(readFileSync(paths[t], 'utf8'))
      expect(rows[0]).toEqual(CSV_COLUMNS[t])
      return asObjects(rows)
    }
    const samples = trace.events.filter((e) => e.type === 'sample')
    const cores = table('samples-cores')
    expect(cores).toHaveLength(samples.reduce((n, s) => n + s.cores.length, 0))
    expect(Number(cores[1]!.time_ms)).toBe(samples[0]!.t)
    expect(Number(cores[1]!.cpu_percent)).toBe(samples[0]!.cores[1])
    const procs = table('samples-procs')
    expect(procs).toHaveLength(samples.reduce((n, s) => n + s.procs.length, 0))
    expect(procs[0]).toEqual({
      time_ms: String(samples[0]!.t),
      pid: String(samples[0]!.procs[0]!.pid),
      cpu_percent: String(samples[0]!.procs[0]!.cpu),
      rss_bytes: String(samples[0]!.procs[0]!.rss),
      ppid: String(samples[0]!.procs[0]!.ppid ?? '')
    })
    const events = table('events')
    const others = trace.events.filter((e) => e.type !== 'sample')
    expect(events).toHaveLength(others.length)
    expect(events.map((r) => r.type)).toEqual(others.map((e) => e.type))
    expect(events.find((r) => r.text === nasty)).toMatchObject({ type: 'stdout', pid: '30001' })
    const put = others.findIndex((e) => e.type === 'queue.put')
    expect(events[put]).toMatchObject({
      queue: 'jobs',
      pid: '30000',
      msg: String((others[put] as { msg: number }).msg)
    })
    const end = events.find((r) => r.type === 'task.end')!
    expect(end.pid).toMatch(/^3000[1-4]$/)
    expect(events.find((r) => r.type === 'queue.wait')).toMatchObject({ queue: 'jobs' })
    // No field is lost: every scalar field of every event is in the column of its name.
    const renamed: Record<string, string> = {
      t: 'time_ms',
      worker: 'pid',
      hostPid: 'pid',
      scenario: 'name',
      error: 'text'
    }
    others.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) {
        if (typeof v === 'object') continue
        expect(events[i]![renamed[k] ?? k], `${e.type}.${k}`).toBe(String(v))
      }
    })
  })

  it('the API gives one combined CSV with a table column (real hello run)', async () => {
    const service = new PoolScopeService()
    const run = service.startRun('hello', { pace: 0.1 })
    await run.done
    const exported = await service.call('exportRun', { runId: run.id, format: 'csv' })
    await service.shutdown()
    expect(exported).toMatchObject({ fileName: `hello-${run.id}.csv`, mime: 'text/csv' })
    const rows = parseCsv(exported.content)
    expect(rows[0]).toEqual([...COMBINED_COLUMNS])
    const objs = asObjects(rows)
    expect(objs.every((r) => CSV_TABLES.includes(r.table as never))).toBe(true)
    const events = objs.filter((r) => r.table === 'events')
    expect(events.map((r) => r.type)).toEqual(
      run.events
        .slice()
        .filter((e) => e.type !== 'sample')
        .map((e: RunEvent) => e.type)
    )
    const child = (run.result as { pid: number }).pid
    expect(events.find((r) => r.type === 'proc.spawn')).toMatchObject({
      pid: String(child),
      ppid: String(process.pid)
    })
    expect(events.find((r) => r.type === 'proc.exit')).toMatchObject({ code: '0', signal: '' })
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ verdict: { passed: true } })
  })
})
