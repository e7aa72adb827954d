import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { buildRun } from '../../test/buildRun'
import { queueRecorded } from '../../test/fixtures/recordedRuns'
import { manyProcs } from '../../test/fixtures/synthetic'
import { DiagramView } from './DiagramView'

// React Flow measures its pane and boxes; jsdom measures nothing, so boxes stay unmeasured
// (visibility: hidden until measured, so no computed accessible name): boxes are found by
// their aria-label
class FakeResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
vi.stubGlobal('ResizeObserver', FakeResizeObserver)

describe('DiagramView', () => {
  it('names every process by PID and state and the queue by its depth; Enter selects (recorded)', () => {
    const run = buildRun(queueRecorded)
    const onChoose = vi.fn()
    render(<DiagramView run={run} chosen={null} onChoose={onChoose} />)
    for (const pid of [28376, 28395, 28412])
      expect(
        screen.getByLabelText(new RegExp(`PID ${pid}, exited \\(code 0\\)`))
      ).toBeInTheDocument()
    expect(screen.getByLabelText(/host PID 28356, run ended/)).toBeInTheDocument()
    const queue = screen.getByLabelText(/^queue queue: depth 1 of 2; \d+ messages$/)
    fireEvent.keyDown(screen.getByLabelText(/PID 28395/), {
      key: 'Enter'
    })
    expect(onChoose).toHaveBeenCalledWith([28395])
    // arrow keys move focus from box to box
    queue.focus()
    fireEvent.keyDown(queue, { key: 'ArrowDown' })
    expect(document.activeElement).not.toBe(queue)
    expect(document.activeElement?.classList.contains('react-flow__node')).toBe(true)
  })

  it('opens a group into one box of named members; a member is chosen by click or Enter; Fold folds', () => {
    const run = buildRun(
      manyProcs(20).map((e) => (e.type === 'proc.spawn' ? { ...e, role: 'child' } : e))
    )
    const onChoose = vi.fn()
    render(<DiagramView run={run} chosen={null} onChoose={onChoose} />)
    expect(screen.queryByLabelText(/PID 1005,/)).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Show each' }))
    // opening is not choosing
    expect(onChoose).not.toHaveBeenCalled()
    const members = document.querySelectorAll('.dmember')
    expect(members).toHaveLength(20)
    // inside the group's one box, in launch order, each named by PID and state
    expect(document.querySelectorAll('.react-flow__node')).toHaveLength(2)
    const fifth = screen.getByLabelText(/^proc-4 \(child\) PID 1005, running, CPU/)
    expect(fifth).toBe(members[4])
    expect(fifth).toHaveAttribute('role', 'button')
    fireEvent.click(fifth)
    expect(onChoose).toHaveBeenLastCalledWith([1005])
    fireEvent.keyDown(members[6]!, { key: 'Enter' })
    expect(onChoose).toHaveBeenLastCalledWith([1007])
    // arrows walk the members too
    ;(members[6] as HTMLElement).focus()
    fireEvent.keyDown(members[6]!, { key: 'ArrowRight' })
    expect(document.activeElement).toBe(members[7])
    onChoose.mockClear()
    fireEvent.click(screen.getByRole('button', { name: 'Fold' }))
    expect(onChoose).not.toHaveBeenCalled()
    expect(document.querySelectorAll('.dmember')).toHaveLength(0)
    expect(screen.getByRole('button', { name: 'Show each' })).toBeInTheDocument()
  })

  it('marks the chosen member, not its whole group', () => {
    const run = buildRun(
      manyProcs(20).map((e) => (e.type === 'proc.spawn' ? { ...e, role: 'child' } : e))
    )
    render(<DiagramView run={run} chosen={[1003]} onChoose={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Show each' }))
    expect(screen.getByLabelText(/PID 1003,/)).toHaveClass('chosen')
    expect(screen.getByLabelText(/PID 1004,/)).not.toHaveClass('chosen')
    expect(document.querySelector('.dfamily')).not.toHaveClass('chosen')
  })

  it('says how many are chosen, not every PID, when a whole group is', () => {
    const run = buildRun(
      manyProcs(20).map((e) => (e.type === 'proc.spawn' ? { ...e, role: 'child' } : e))
    )
    const all = Array.from({ length: 20 }, (_, i) => 1001 + i)
    render(<DiagramView run={run} chosen={all} onChoose={() => {}} />)
    expect(screen.getByRole('status')).toHaveTextContent(
      'Selected: 20 processes (PID 1001 … 1020). The console shows their output.'
    )
  })
})
