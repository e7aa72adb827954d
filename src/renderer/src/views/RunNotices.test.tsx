// A run's notices: merged events (the shim's budget), an uninstrumented program (said while it
// runs, taken back if it turned out instrumented), and an attached Python program's offer.
import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { applyEvents, emptyRun } from '../store/runState'
import { RunNotices } from './RunNotices'

const log = (t: number, text: string, topic?: 'coalesced' | 'uninstrumented'): RunEvent => ({
  t,
  type: 'log',
  level: 'warn',
  text,
  ...(topic ? { topic } : {})
})

describe('RunNotices', () => {
  it('says that events are merged, naming each process once', () => {
    const run = applyEvents(emptyRun('r'), [
      log(1, 'pid 41 reports more than 100 events in 100 ms: …', 'coalesced'),
      log(2, 'pid 42 reports more than 100 events in 100 ms: …', 'coalesced'),
      log(3, 'pid 41 reports more than 100 events in 100 ms: …', 'coalesced'),
      log(4, 'pid 43 reports more than 100 events (an ordinary line)')
    ])
    render(<RunNotices run={run} />)
    expect(screen.getByTestId('notice-coalesced')).toHaveTextContent(
      /^Events merged: 2 process\(es\) \(PID 41, 42\) went past the shim’s event budget.*Message counts stay exact; queue depth is sampled/
    )
    expect(screen.queryByTestId('notice-uninstrumented')).toBeNull()
  })

  it('uninstrumented: said while the run goes on; gone if the end says it was instrumented', () => {
    const live = applyEvents(emptyRun('r'), [log(1, 'uninstrumented: …', 'uninstrumented')])
    const { rerender } = render(<RunNotices run={live} />)
    expect(screen.getByTestId('notice-uninstrumented')).toHaveTextContent(
      /^Uninstrumented: .*processes and CPU are read from \/proc; its queues, locks, pipes and pools are not visible/
    )
    const end = (instrumented: boolean): RunEvent => ({
      t: 5,
      type: 'run.end',
      status: 'finished',
      hostPid: 1,
      result: { exitCode: 0, instrumented },
      verdict: { passed: true, outcome: 'passed', checks: [] }
    })
    rerender(<RunNotices run={applyEvents(live, [end(false)])} />)
    expect(screen.getByTestId('notice-uninstrumented')).toBeVisible()
    rerender(<RunNotices run={applyEvents(live, [end(true)])} />)
    expect(screen.queryByTestId('notice-uninstrumented')).toBeNull()
  })

  it('an attached Python program: queues and locks need the shim; offers to start it under PoolScope', () => {
    const onStartUnder = vi.fn()
    render(
      <RunNotices run={emptyRun('r')} attachedPython={{ pid: 4242 }} onStartUnder={onStartUnder} />
    )
    expect(screen.getByTestId('notice-attach-python')).toHaveTextContent(
      'PID 4242 is a Python program started outside PoolScope: its queues and locks are not visible without the shim.'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Start it under PoolScope instead' }))
    expect(onStartUnder).toHaveBeenCalled()
  })

  it('nothing to say: nothing shown', () => {
    const { container } = render(<RunNotices run={emptyRun('r')} />)
    expect(container).toBeEmptyDOMElement()
  })
})
