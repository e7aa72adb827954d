// The gil verdict's decisions on recorded events made here (the machine these tests run on is
// shared, so a real run cannot be made to show every branch): phases located by their markers,
// busy cores from the samples inside each phase, crowded and 1-core cases.
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../../shared/events'
import { gilVerdict, PHASES } from './verdict'

const HOST = 100
const W = [201, 202]

/** Phase (a) 1 s, (b) 0.5 s; `busy[p]` = [cpu % of worker 1, of worker 2, machine cores %]. */
function recorded(busy: Record<'a' | 'b', [number, number, number[]]>, cores = 2): RunEvent[] {
  const ev: RunEvent[] = [
    { t: 0, type: 'run.start', scenario: 'gil', params: {}, hostPid: HOST },
    ...W.map((pid): RunEvent => ({
      t: 1,
      type: 'proc.spawn',
      pid,
      ppid: HOST,
      name: 'w',
      role: 'worker'
    }))
  ]
  let t = 10
  const sample = (w: [number, number], c: number[]): void => {
    t += 100
    ev.push({
      t,
      type: 'sample',
      cores: c.slice(0, cores),
      procs: [
        { pid: HOST, cpu: 2, rss: 1 },
        { pid: W[0]!, cpu: w[0], rss: 1 },
        { pid: W[1]!, cpu: w[1], rss: 1 }
      ]
    })
  }
  sample([0, 0], [5, 5])
  let task = 1
  for (const p of ['a', 'b'] as const) {
    ev.push({ t: t + 1, type: 'log', level: 'info', text: `▸ ${PHASES[p]} begins` })
    for (let i = 0; i < (p === 'a' ? 10 : 5); i++) sample([busy[p][0], busy[p][1]], busy[p][2])
    ev.push({ t: t + 1, type: 'log', level: 'info', text: `▸ ${PHASES[p]} ends: wall` })
    sample([0, 0], [5, 5])
  }
  for (; task <= 4; task++) ev.push({ t: t + 2, type: 'task.end', task, worker: W[0]!, ok: true })
  for (const pid of W) ev.push({ t: t + 3, type: 'proc.exit', pid, code: 0, signal: null })
  return ev
}

const params = { workers: 2, workMs: 1000, threads: 'off', pace: 1 }
const named = (checks: ReturnType<typeof gilVerdict>, start: string) =>
  checks.find((c) => c.name.startsWith(start))!

describe('gil verdict', () => {
  it('passes with one busy core in (a) and two in (b)', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 0, [100, 2]], b: [100, 100, [100, 100]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(checks.every((c) => c.passed && !c.note)).toBe(true)
    expect(named(checks, '(b)').observed).toMatch(/^mean 2\.02 busy cores/)
  })

  it('fails (b) when the machine had room and the workers did not use it', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 0, [100, 2]], b: [100, 0, [100, 2]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(named(checks, '(b)')).toMatchObject({ passed: false })
  })

  it('fails (a) when the one event loop phase kept two cores busy', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 100, [100, 100]], b: [100, 100, [100, 100]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(named(checks, '(a)')).toMatchObject({ passed: false })
  })

  it('(b) is not applicable when other programs held the cores', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 0, [100, 100]], b: [60, 60, [100, 100]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(named(checks, '(b)')).toMatchObject({ passed: true, note: 'not-applicable' })
    expect(named(checks, '(b)').observed).toContain('other programs kept 0.78 cores busy')
  })

  it('on one core the core checks are not applicable', () => {
    const checks = gilVerdict(recorded({ a: [100, 0, [100]], b: [50, 50, [100]] }, 1), undefined, {
      hostPid: HOST,
      params
    })
    expect(named(checks, '(a)').note).toBe('not-applicable')
    expect(named(checks, '(b)').note).toBe('not-applicable')
  })
})
