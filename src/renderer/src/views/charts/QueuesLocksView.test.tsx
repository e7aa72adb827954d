import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildRun } from '../../test/buildRun'
import { helloEvents } from '../../test/fixtures/helloRun'
import { lockRun, poolRun, queueRun } from '../../test/fixtures/synthetic'
import { QueuesLocksView } from './QueuesLocksView'

const row = (table: HTMLElement, name: string): string[] =>
  Array.from(
    within(table).getByText(name).closest('tr')!.querySelectorAll('td'),
    (td) => td.textContent ?? ''
  )

describe('QueuesLocksView', () => {
  it('queue depth, the blocked put marked, one message left (synthetic queue)', () => {
    const { container } = render(<QueuesLocksView run={buildRun(queueRun())} />)
    const table = screen.getByRole('table', { name: 'Queue depth over time' })
    // name, now, max, puts, gets, blocked, waiting
    expect(row(table, 'q')).toEqual(['q', '1', '1', '3', '2', '1', '0'])
    const marks = container.querySelectorAll('.chart-marker')
    expect(marks).toHaveLength(1)
    expect(marks[0]!.textContent).toBe('a put blocked here')
    expect(screen.getByText('This run has no locks.')).toBeInTheDocument()
  })

  it("the pool's task queue (synthetic pool-map)", () => {
    render(<QueuesLocksView run={buildRun(poolRun(3, 12))} />)
    const table = screen.getByRole('table', { name: 'Queue depth over time' })
    expect(row(table, 'pool task queue').slice(1, 5)).toEqual(['0', '12', '12', '12'])
  })

  it('lock waiting counts, the chart a moment later (synthetic lock)', async () => {
    render(<QueuesLocksView run={buildRun(lockRun())} />)
    expect(await screen.findByRole('img', { name: 'Processes waiting for a lock' })).toBeVisible()
    const table = screen.getByRole('table', { name: 'Processes waiting for a lock' })
    // name, waiting now, holder, acquisitions
    expect(row(table, 'print')).toEqual(['print', '0', '', '3'])
  })

  it('says when a run has neither (recorded hello)', () => {
    render(<QueuesLocksView run={buildRun(helloEvents)} />)
    expect(screen.getByText('This run has no queues.')).toBeInTheDocument()
  })
})
