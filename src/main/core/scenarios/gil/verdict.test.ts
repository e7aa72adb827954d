// The gil verdict's decisions on recorded events made here (the machine these tests run on is
// shared, so a real run cannot be made to show every branch): phases located by their markers,
// busy cores from the samples inside each phase, crowded and 1-core cases.
import { checkWords } from '../../../../shared/checkTexts'
import type { Check } from '../../../../shared/events'
import { verdictOf } from '../../../../shared/events'
import { CHECK_TEXTS } from '../checkTexts'
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
const named = (checks: ReturnType<typeof gilVerdict>, id: string) =>
  checks.find((c) => c.id === id)!
const en = (c: Check) => checkWords(c, CHECK_TEXTS, 'en')

describe('gil verdict', () => {
  it('passes with one busy core in (a) and two in (b)', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 0, [100, 2]], b: [100, 100, [100, 100]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(checks.every((c) => c.outcome === 'passed' && !c.note)).toBe(true)
    expect(en(named(checks, 'gil.processes')).observed).toMatch(/^mean 2\.02 busy cores/)
  })

  it('fails (b) when the machine had room and the workers did not use it', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 0, [100, 2]], b: [100, 0, [100, 2]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(named(checks, 'gil.processes')).toMatchObject({ outcome: 'failed' })
    expect(verdictOf(checks).outcome).toBe('failed')
  })

  it('fails (a) when the one event loop phase kept two cores busy', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 100, [100, 100]], b: [100, 100, [100, 100]] }),
      undefined,
      { hostPid: HOST, params }
    )
    expect(named(checks, 'gil.serial')).toMatchObject({ outcome: 'failed' })
  })

  it('(b) and the wall times are inconclusive, never passed, when other programs held the cores', () => {
    const checks = gilVerdict(
      recorded({ a: [100, 0, [100, 100]], b: [60, 60, [100, 100]] }),
      undefined,
      { hostPid: HOST, params }
    )
    const b = named(checks, 'gil.processes')
    expect(b.outcome).toBe('inconclusive')
    // measured core availability: 2 cores, 0.78 held by others, 1.22 free < 1.85 needed
    expect(en(b).reason).toBe(
      'other programs kept 0.78 of 2 cores busy meanwhile, leaving 1.22 (≥ 1.85 needed to judge)'
    )
    expect(checkWords(b, CHECK_TEXTS, 'ko').reason).toBe(
      '그동안 다른 프로그램이 코어 2개 중 0.78개를 사용해 1.22개만 남음 (판정하려면 1.85개 이상 필요)'
    )
    expect(named(checks, 'gil.wall').outcome).toBe('inconclusive')
    expect(named(checks, 'gil.serial').outcome).toBe('passed')
    expect(verdictOf(checks)).toMatchObject({ outcome: 'inconclusive', passed: false })
  })

  it('on one core the core checks are inconclusive, saying so', () => {
    const checks = gilVerdict(recorded({ a: [100, 0, [100]], b: [50, 50, [100]] }, 1), undefined, {
      hostPid: HOST,
      params
    })
    for (const id of ['gil.serial', 'gil.processes', 'gil.wall']) {
      expect(named(checks, id).outcome, id).toBe('inconclusive')
      expect(en(named(checks, id)).reason, id).toMatch(/^this machine has 1 core/)
    }
  })
})
