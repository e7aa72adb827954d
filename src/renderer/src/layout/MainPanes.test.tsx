// Choosing a process in the diagram carries to the other views: the console shows only its
// output, the process table highlights its row, the timeline its lane.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { RunState } from '../store/runState'
import { buildRun } from '../test/buildRun'
import { lockRecorded } from '../test/fixtures/recordedRuns'
import type { Tab } from './MainPanes'
import { MainPanes } from './MainPanes'

// React Flow measures its pane; jsdom measures nothing
class FakeResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
vi.stubGlobal('ResizeObserver', FakeResizeObserver)

function Panes({ run }: { run: RunState }): React.JSX.Element {
  const [tab, setTab] = useState<Tab>('diagram')
  return (
    <MainPanes
      run={run}
      runs={new Map([[run.id, run]])}
      order={[run.id]}
      live={false}
      tab={tab}
      onTab={setTab}
      filterRef={null}
      findRef={null}
      verdictRef={null}
    />
  )
}

describe('MainPanes: a box chosen in the diagram', () => {
  it('filters the console and highlights the process in the table and on the timeline (recorded lock run)', () => {
    const run = buildRun(lockRecorded)
    const sender = 28451
    const other = 28444
    render(<Panes run={run} />)
    const log = screen.getByRole('log')
    expect(within(log).getAllByTestId('console-line').length).toBeGreaterThan(1)
    fireEvent.keyDown(screen.getByLabelText(new RegExp(`PID ${sender},`)), { key: 'Enter' })

    // the console: only that process's lines, and its filter says so
    expect(screen.getByRole('combobox', { name: 'Process' })).toHaveValue(String(sender))
    const lines = within(log).getAllByTestId('console-line')
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) expect(l).toHaveTextContent(`[${sender}]`)
    expect(screen.getByText(`Selected: PID ${sender}. The console shows its output.`)).toHaveRole(
      'status'
    )

    // the process table: its row, and only its row, is marked
    fireEvent.click(screen.getByRole('tab', { name: 'Processes' }))
    const rowOf = (pid: number): HTMLElement =>
      screen
        .getAllByTestId('proc-pid')
        .find((c) => c.textContent === String(pid))!
        .closest('tr')!
    expect(rowOf(sender)).toHaveClass('chosen')
    expect(rowOf(other)).not.toHaveClass('chosen')

    // the timeline: its lane
    fireEvent.click(screen.getByRole('tab', { name: 'Timeline' }))
    const lane = (pid: number): Element => document.querySelector(`.lane[data-pid="${pid}"]`)!
    expect(lane(sender)).toHaveClass('chosen')
    expect(lane(sender).querySelector('.lane-chosen')).not.toBeNull()
    expect(lane(other)).not.toHaveClass('chosen')

    // clearing the choice in the console shows every process again
    fireEvent.change(screen.getByRole('combobox', { name: 'Process' }), {
      target: { value: 'all' }
    })
    expect(lane(sender)).not.toHaveClass('chosen')
    expect(
      within(log)
        .getAllByTestId('console-line')
        .some((l) => l.textContent?.includes(`[${other}]`))
    ).toBe(true)
  })
})
