import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildRun } from '../../test/buildRun'
import { helloEvents, HELLO_CHILD_PID } from '../../test/fixtures/helloRun'
import { queueRecorded } from '../../test/fixtures/recordedRuns'
import { lockRun, pipeRun, poolRun } from '../../test/fixtures/synthetic'
import { TimelineView } from './TimelineView'

describe('TimelineView', () => {
  it('one lane per process, output ticks (recorded hello)', () => {
    const { container } = render(<TimelineView run={buildRun(helloEvents)} />)
    const labels = [...container.querySelectorAll('.lane-label')].map((l) => l.textContent)
    expect(labels).toHaveLength(2)
    expect(labels[1]).toBe(`${HELLO_CHILD_PID} child`)
    expect(container.querySelectorAll('.out-tick')).toHaveLength(1)
  })

  it('queue puts and gets on their lanes, each get linked to its put, described on focus (recorded queue)', () => {
    const { container } = render(<TimelineView run={buildRun(queueRecorded)} />)
    const puts = container.querySelectorAll('.queue-mark[data-op="put"]')
    expect(puts).toHaveLength(3)
    expect(container.querySelectorAll('.queue-mark[data-op="get"]')).toHaveLength(2)
    expect(container.querySelectorAll('.queue-link')).toHaveLength(2)
    expect(screen.getByText(/3 queue puts, 2 gets/)).toBeInTheDocument()
    // the blocked third put went in when the first get made room: depth 2 again
    const get1 = screen.getByRole('img', { name: /^got message 1 from queue: depth 1 after/ })
    fireEvent.focus(get1)
    expect(container.querySelector('.queue-tip')?.textContent).toMatch(/got message 1/)
    expect(
      screen.getByRole('img', { name: /^put message 3 on queue: depth 2 after/ })
    ).toBeInTheDocument()
  })

  it('tasks as bars on their workers (synthetic pool)', () => {
    const { container } = render(<TimelineView run={buildRun(poolRun(3, 9, 50))} />)
    expect(container.querySelectorAll('rect.span-task')).toHaveLength(9)
    expect(container.querySelectorAll('rect.span-task.failed')).toHaveLength(1)
  })

  it('lock waits and holds (synthetic lock), a pipe arrow (synthetic pipe)', () => {
    const lock = render(<TimelineView run={buildRun(lockRun())} />)
    expect(lock.container.querySelectorAll('rect.span-hold')).toHaveLength(3)
    expect(lock.container.querySelectorAll('rect.span-wait')).toHaveLength(3)
    lock.unmount()
    const pipe = render(<TimelineView run={buildRun(pipeRun())} />)
    expect(pipe.container.querySelectorAll('.pipe-arrow')).toHaveLength(1)
    expect(pipe.container.querySelectorAll('circle.pipe-close')).toHaveLength(1)
  })

  it('zooms in, pans with the keyboard and shows all again', () => {
    const { container } = render(<TimelineView run={buildRun(poolRun(3, 30, 10))} />)
    const range = (): string =>
      container.querySelector('.view-toolbar .muted')!.textContent!.split(' · ')[0]!
    const all = range()
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }))
    const zoomed = range()
    expect(zoomed).not.toBe(all)
    fireEvent.keyDown(screen.getByRole('img', { name: /Timeline/ }), { key: 'ArrowRight' })
    expect(range()).not.toBe(zoomed)
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }))
    expect(range()).toBe(all)
  })
})
