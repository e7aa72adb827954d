import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildRun } from '../test/buildRun'
import { HELLO_CHILD_PID, helloEvents } from '../test/fixtures/helloRun'
import { lockRun, mixRun } from '../test/fixtures/synthetic'
import { procColor } from '../theme/colorMap'
import { readableText } from '../theme/readableText'
import { ConsoleView } from './ConsoleView'

describe('ConsoleView', () => {
  it('prefixes output with the PID, in the colour of the process made readable (recorded hello)', () => {
    render(<ConsoleView run={buildRun(helloEvents)} />)
    const line = screen.getByTestId('console-line')
    expect(line).toHaveTextContent(`[${HELLO_CHILD_PID}]hello from pid ${HELLO_CHILD_PID}`)
    expect(
      within(line)
        .getByText(/hello from/)
        .closest('.seg')
    ).toHaveStyle({
      // jsdom matches no media query: the light theme
      color: readableText(procColor(0), 'light')
    })
  })

  it('marks torn lines and keeps each piece with its own PID (synthetic mix)', () => {
    render(<ConsoleView run={buildRun(mixRun(), 'r', 2)} />)
    const lines = screen.getAllByTestId('console-line')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toHaveClass('torn')
    expect(within(lines[0]!).getByLabelText(/torn line/)).toBeInTheDocument()
    expect(lines[0]).toHaveTextContent('[1001]p0-0 [1002]p1-0 [1003]p2-0 [1001]p0-1')
  })

  it('does not mark whole lines written under a lock (synthetic lock)', () => {
    render(<ConsoleView run={buildRun(lockRun())} />)
    const lines = screen.getAllByTestId('console-line')
    expect(lines).toHaveLength(3)
    lines.forEach((l) => expect(l).not.toHaveClass('torn'))
  })

  it('filters by process and finds text', () => {
    render(<ConsoleView run={buildRun(lockRun())} />)
    fireEvent.change(screen.getByRole('combobox', { name: /Process/ }), {
      target: { value: '1002' }
    })
    expect(screen.getAllByTestId('console-line').map((l) => l.textContent)).toEqual([
      '[1002]line of 1002'
    ])
    fireEvent.change(screen.getByRole('combobox', { name: /Process/ }), {
      target: { value: 'all' }
    })
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find in console' }), {
      target: { value: 'OF 1003' }
    })
    expect(screen.getAllByTestId('console-line')).toHaveLength(1)
    expect(screen.getByText('1 lines')).toBeInTheDocument()
  })
})
