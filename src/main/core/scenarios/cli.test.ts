// The CLI contract of issue 5 for the tutorial scenarios: `run <id> --json` prints JSON lines
// with `t` and `type`, ending with run.end {status, hostPid, result, verdict}; exit codes.
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { EXIT, runCli } from '../../headless/runCli'

async function cli(...argv: string[]): Promise<{ code: number; lines: string[]; err: string }> {
  let out = ''
  let err = ''
  const sink = (into: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        into(chunk.toString())
        cb()
      }
    })
  const code = await runCli(
    argv,
    sink((s) => (out += s)),
    sink((s) => (err += s))
  )
  return { code, lines: out.trim().split('\n'), err }
}

describe('CLI: tutorial scenarios', () => {
  it('list --json shows the nine scenarios and gil’s machine default', async () => {
    const { code, lines } = await cli('list', '--json')
    expect(code).toBe(EXIT.ok)
    const rows = lines.map(
      (l) => JSON.parse(l) as { id: string; params: { name: string; default: unknown }[] }
    )
    expect(rows.map((r) => r.id)).toEqual(
      expect.arrayContaining(['process', 'queue', 'pipe', 'mix', 'lock', 'pool-apply'])
    )
    const workers = rows.find((r) => r.id === 'gil')!.params.find((p) => p.name === 'workers')
    expect(workers?.default).toBeGreaterThanOrEqual(2)
  })

  it('run pool-map --set … --json: JSON lines, task events, run.end last; exit 0', async () => {
    const { code, lines } = await cli(
      'run',
      'pool-map',
      '--set',
      'items=6',
      '--set',
      'processes=2',
      '--json'
    )
    expect(code).toBe(EXIT.ok)
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    for (const e of events) expect(typeof e.t === 'number' && typeof e.type === 'string').toBe(true)
    expect(events.find((e) => e.type === 'proc.spawn')).toMatchObject({
      pid: expect.any(Number),
      ppid: process.pid,
      name: expect.any(String),
      role: 'worker'
    })
    expect(events.find((e) => e.type === 'task.start')).toMatchObject({
      task: expect.any(Number),
      worker: expect.any(Number)
    })
    expect(events.some((e) => e.type === 'sample')).toBe(true)
    const end = events.at(-1)!
    expect(end).toMatchObject({
      type: 'run.end',
      status: 'finished',
      hostPid: process.pid,
      result: [1, 4, 9, 16, 25, 36],
      verdict: { passed: true, outcome: 'passed' }
    })
    // each check: its id, outcome and figures (as the trace holds them), and its English texts
    const checks = (end.verdict as { checks: Record<string, unknown>[] }).checks
    for (const c of checks) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['id', 'outcome', 'values', 'seen', 'name', 'observed'])
      )
      expect(c.name).toMatch(/^[^{}]+$/)
      expect(c.observed).toMatch(/^[^{}]+$/)
    }
    expect(checks.find((c) => c.id === 'poolMap.squares')).toMatchObject({
      name: 'the result is the squares of 1..items, in order',
      observed: '[1, 4, 9, 16, 25, 36]'
    })
  })

  it('a bad parameter of a scenario exits 2 with one line naming it', async () => {
    const { code, err } = await cli('run', 'gil', '--set', 'threads=maybe', '--json')
    expect(code).toBe(EXIT.badArgument)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain("parameter 'threads'")
  })
})
