import { describe, expect, it } from 'vitest'
import type { EventOf, RunEvent } from '../../shared/events'
import { RunEventSchema, verdictOf } from '../../shared/events'
import { gilVerdict } from '../core/scenarios/gil/verdict'
import { formatEvent, plainPrinter, withCheckWords } from './formatEvent'

const sample = (t: number): RunEvent => ({
  t,
  type: 'sample',
  cores: [50, null],
  procs: [
    { pid: 10, cpu: 2, rss: 1 },
    { pid: 11, cpu: 99.6, rss: 1 },
    { pid: 12, cpu: null, rss: 1 }
  ]
})

describe('plainPrinter', () => {
  it('prints every event but thins samples to one a second', () => {
    const print = plainPrinter()
    const lines = [
      sample(0),
      sample(100),
      { t: 150, type: 'proc.ready', pid: 11 } as RunEvent,
      sample(999),
      sample(1000)
    ].map(print)
    expect(lines[0]).toBe('      0.0 ms  cpu    cores 50% –  host 2%  2 children 100%')
    expect(lines[1]).toBeNull()
    expect(lines[2]).toContain('proc.ready')
    expect(lines[3]).toBeNull()
    expect(lines[4]).toContain('1000.0 ms  cpu')
  })
})

describe('run.end: checks in English, from their ids and figures', () => {
  const gil = gilVerdict(
    [
      { t: 0, type: 'log', level: 'info', text: '▸ phase (b): N worker processes begins' },
      { t: 0, type: 'sample', cores: [0, 0], procs: [] },
      {
        t: 1000,
        type: 'sample',
        cores: [100, 100],
        procs: [{ pid: 10, cpu: 60, rss: 1 }]
      },
      { t: 1000, type: 'log', level: 'info', text: '▸ phase (b): N worker processes ends' }
    ],
    undefined,
    { hostPid: 10, params: { workers: 2, threads: 'off' } }
  )
  const end: RunEvent = {
    t: 1200,
    type: 'run.end',
    status: 'finished',
    hostPid: 10,
    result: null,
    verdict: verdictOf(gil.filter((c) => c.id === 'gil.processes'))
  }

  it('plain text states an inconclusive verdict and why, not a pass', () => {
    expect(formatEvent(end).split('\n')).toEqual([
      '   1200.0 ms  run finished; verdict inconclusive',
      '  INCONCLUSIVE (b) 2 worker processes keep ≥ 1.6 cores busy: mean 0.60 busy cores by this run (machine 2.00 of 2), 1 samples, wall 1000 ms (inconclusive: other programs kept 1.40 of 2 cores busy meanwhile, leaving 0.60 (≥ 1.85 needed to judge))'
    ])
  })

  it('--json keeps ids and figures and adds the English texts (name, observed, why)', () => {
    const json = JSON.parse(JSON.stringify(withCheckWords(end))) as EventOf<'run.end'> & {
      verdict: { checks: { why?: string }[] }
    }
    expect(json.verdict).toMatchObject({ passed: false, outcome: 'inconclusive' })
    expect(json.verdict.checks[0]).toMatchObject({
      id: 'gil.processes',
      outcome: 'inconclusive',
      values: { n: 2, min: 1.6 },
      name: '(b) 2 worker processes keep ≥ 1.6 cores busy',
      observed: expect.stringMatching(/^mean 0\.60 busy cores/),
      why: expect.stringMatching(/^other programs kept 1\.40 of 2 cores/)
    })
    // and it is still a valid event (the trace's shape)
    expect(RunEventSchema.parse(json)).toBeTruthy()
  })
})
