// The benchmark runner ends, whatever its benchmarks do: skipped with a reason, failed with the
// benchmark named, never hanging (the stream bench without Chromium hung forever).
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Bench, BenchResult } from './harness'
import type { BenchRow } from './runBenches'
import { runBenches, selectBenches } from './runBenches'

const row = (id: string): BenchResult => ({
  id,
  name: `${id} (10)`,
  value: 1,
  unit: 'ms',
  baseline: 'none',
  baselineValue: null,
  ratio: null
})
const bench = (name: string, run: Bench['run'], cannotRun?: Bench['cannotRun']): Bench => ({
  name,
  run,
  ...(cannotRun ? { cannotRun } : {})
})

describe('runBenches', () => {
  it('reports a benchmark that cannot run as skipped with its reason, and runs the others', async () => {
    const emitted: BenchRow[] = []
    let ranSkipped = false
    const rows = await runBenches(
      [
        bench('a', () => Promise.resolve([row('a.one'), row('a.two')])),
        bench(
          'b',
          () => ((ranSkipped = true), Promise.resolve([])),
          () => 'no browser here'
        )
      ],
      { long: false },
      (r) => emitted.push(r)
    )
    expect(ranSkipped).toBe(false)
    expect(rows.map((r) => r.id)).toEqual(['a.one', 'a.two', 'b'])
    expect(rows[2]).toEqual({ id: 'b', name: 'b', skipped: 'no browser here' })
    expect(emitted).toEqual(rows)
  })

  it('stops at a failure, naming the benchmark and its error', async () => {
    const after = bench('c', () => Promise.reject(new Error('must not run')))
    await expect(
      runBenches(
        [bench('broken', () => Promise.reject(new Error('browser did not start'))), after],
        { long: false },
        () => undefined
      )
    ).rejects.toThrow('benchmark broken failed: browser did not start')
  })

  it('refuses two rows with the same id', async () => {
    await expect(
      runBenches(
        [bench('d', () => Promise.resolve([row('same'), row('same')]))],
        { long: false },
        () => undefined
      )
    ).rejects.toThrow("two rows share the id 'same'")
  })

  it('--only with an unknown name is an error naming the known ones', () => {
    expect(() => selectBenches([bench('pool', () => Promise.resolve([]))], 'nope')).toThrow(
      '--only nope: no benchmark of that name (known: pool)'
    )
  })
})

describe('bench/index.ts', () => {
  const runIndex = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, 'index.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000
    })

  it('without Chromium, reports the stream benchmark skipped and exits 0 (it hung forever)', () => {
    const r = runIndex(['--only', 'stream.events', '--json'], { CHROMIUM_PATH: '/nonexistent' })
    expect(r.signal).toBeNull() // not killed by the timeout
    expect(r.status).toBe(0)
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as BenchRow)
    expect(rows).toEqual([
      {
        id: 'stream.events',
        name: 'stream.events',
        skipped: expect.stringContaining('no Chromium at /nonexistent') as string
      }
    ])
  })

  it('exits 2 naming a bad argument', () => {
    const r = runIndex(['--only', 'nope'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--only nope: no benchmark of that name')
  })
})
