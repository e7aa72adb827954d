import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildRun } from '../test/buildRun'
import { HELLO_HOST_PID, helloEvents } from '../test/fixtures/helloRun'
import { VerdictView } from './VerdictView'

describe('VerdictView', () => {
  it('lists the checks with their observed values (recorded hello)', () => {
    render(<VerdictView run={buildRun(helloEvents)} />)
    expect(screen.getByRole('heading', { name: 'Verdict: passed' })).toBeInTheDocument()
    expect(screen.getByText(/the child's own PPID is the host's PID/)).toBeInTheDocument()
    expect(
      screen.getByText(`— observed: child says PPID ${HELLO_HOST_PID}, host PID ${HELLO_HOST_PID}`)
    ).toBeInTheDocument()
  })

  it('says failed, with the error, when a check failed', () => {
    const events = helloEvents.map((e) =>
      e.type === 'run.end'
        ? {
            ...e,
            status: 'failed' as const,
            error: { name: 'Error', message: 'child crashed' },
            verdict: { passed: false, checks: [{ name: 'c', passed: false, observed: 'x' }] }
          }
        : e
    )
    render(<VerdictView run={buildRun(events)} />)
    expect(screen.getByRole('heading', { name: 'Verdict: failed' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('child crashed')
  })

  it('waits for the end of the run', () => {
    render(<VerdictView run={buildRun(helloEvents.slice(0, 4))} />)
    expect(screen.getByText('The verdict appears when the run ends.')).toBeInTheDocument()
  })
})
