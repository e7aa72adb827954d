import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { buildRun } from '../../test/buildRun'
import { queueRecorded } from '../../test/fixtures/recordedRuns'
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
})
