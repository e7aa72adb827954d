import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CheckOutcome, Verdict } from '../../../../shared/events'
import { buildRun } from '../../test/buildRun'
import { lockRecorded, queueRecorded } from '../../test/fixtures/recordedRuns'
import { pipeRun } from '../../test/fixtures/synthetic'
import { CompareView } from './CompareView'
import { compareChecks } from './compareChecks'

describe('CompareView', () => {
  it('shows two runs on one time axis and their verdicts side by side (recorded)', () => {
    const a = buildRun(queueRecorded, 'run-a')
    const b = buildRun(lockRecorded, 'run-b')
    const c = buildRun(pipeRun(), 'run-c')
    const runs = new Map([a, b, c].map((r) => [r.id, r]))
    render(<CompareView run={a} runs={runs} order={['run-a', 'run-b', 'run-c']} />)
    // the newest other run by default; another can be picked
    expect(screen.getByRole('region', { name: /^run-c · pipe/ })).toBeInTheDocument()
    fireEvent.change(screen.getByRole('combobox', { name: 'Compare with' }), {
      target: { value: 'run-b' }
    })
    expect(screen.getByRole('region', { name: /^run-a · queue \(finished\)/ })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: /^run-b · lock \(finished\)/ })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Verdicts side by side' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.length).toBe(a.verdict!.checks.length + b.verdict!.checks.length)
    expect(within(table).getAllByText('differs').length).toBe(rows.length)
    // two timelines and four charts in jsdom: seconds on a loaded 2-core machine
  }, 20_000)

  it('pairs checks by id and marks what differs: outcome or figures', () => {
    const v = (senders: number, outcome: CheckOutcome = 'passed'): Verdict => ({
      passed: true,
      outcome: 'passed',
      checks: [
        { id: 'x', outcome: 'passed', values: { n: senders }, seen: [{ text: 'x.seen' }] },
        { id: 'y', outcome: 'passed', values: { n: 1 }, seen: [{ text: 'y.seen' }] },
        { id: 'z', outcome, values: {}, seen: [{ text: 'z.seen' }] }
      ]
    })
    const pairs = compareChecks(v(3), v(4, 'failed'))
    expect(pairs.map((p) => [p.id, p.differs])).toEqual([
      ['x', true],
      ['y', false],
      ['z', true]
    ])
  })
})
