import { fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildRun } from '../../test/buildRun'
import { HELLO_CHILD_PID, HELLO_HOST_PID, helloEvents } from '../../test/fixtures/helloRun'
import { manyProcs, poolRun } from '../../test/fixtures/synthetic'
import { ProcessTable, VIRTUALIZE_FROM } from './ProcessTable'

const pids = (): number[] => screen.getAllByTestId('proc-pid').map((c) => Number(c.textContent))

afterEach(() => vi.restoreAllMocks())

describe('ProcessTable', () => {
  it('shows the recorded hello run: host, child PID and PPID, exited and greyed', () => {
    render(<ProcessTable run={buildRun(helloEvents)} />)
    expect(screen.getByRole('columnheader', { name: 'PID' })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: 'PPID' })).toBeInTheDocument()
    expect(screen.getByTestId('host-pid')).toHaveTextContent(String(HELLO_HOST_PID))
    expect(pids()).toEqual([HELLO_CHILD_PID])
    const row = screen.getByTestId('proc-pid').closest('tr')!
    expect(within(row).getByText(String(HELLO_HOST_PID))).toBeInTheDocument()
    expect(within(row).getByText('exited (code 0)')).toBeInTheDocument()
    expect(row).toHaveClass('ended')
  })

  it('sorts by a column header, ascending then descending (synthetic pool)', () => {
    render(<ProcessTable run={buildRun(poolRun(4, 8))} />)
    expect(pids()).toEqual([1001, 1002, 1003, 1004]) // tree order
    fireEvent.click(screen.getByRole('button', { name: 'PID' }))
    const first = pids()
    fireEvent.click(screen.getByRole('button', { name: 'PID' }))
    const second = pids()
    expect(new Set([first.join(), second.join()])).toEqual(
      new Set(['1001,1002,1003,1004', '1004,1003,1002,1001'])
    )
    expect(screen.getByRole('columnheader', { name: 'PID' })).toHaveAttribute('aria-sort')
  })

  it('filters by any visible text', () => {
    render(<ProcessTable run={buildRun(poolRun(4, 8))} />)
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter processes' }), {
      target: { value: 'worker-2' }
    })
    expect(pids()).toEqual([1003])
    expect(screen.getByText('1 of 4 processes')).toBeInTheDocument()
  })

  it('terminates or kills a live process through the callback', () => {
    const onSignal = vi.fn()
    render(<ProcessTable run={buildRun(manyProcs(3))} onSignal={onSignal} />)
    // 1001 has exited (every third one): no action for it.
    expect(screen.queryByRole('button', { name: 'Actions for PID 1001' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Actions for PID 1002' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Kill (SIGKILL)' }))
    expect(onSignal).toHaveBeenCalledWith(1002, 'SIGKILL')
    // The context menu (right click on the row) offers the same.
    fireEvent.contextMenu(screen.getByText('1003').closest('tr')!)
    fireEvent.click(screen.getByRole('menuitem', { name: 'Terminate (SIGTERM)' }))
    expect(onSignal).toHaveBeenLastCalledWith(1003, 'SIGTERM')
  })

  it('offers no kill action without a live run', () => {
    render(<ProcessTable run={buildRun(manyProcs(3))} />)
    expect(screen.queryByRole('button', { name: /Actions for PID/ })).toBeNull()
  })

  it(`renders only the rows in view from ${VIRTUALIZE_FROM} processes on (synthetic 300)`, () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    render(<ProcessTable run={buildRun(manyProcs(300))} />)
    const shown = pids().length
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(60)
    expect(screen.getByText('300 of 300 processes')).toBeInTheDocument()
  })
})
