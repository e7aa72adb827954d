import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { Splitter } from './Splitter'

function Harness(): React.JSX.Element {
  const [v, setV] = useState(50)
  return (
    <Splitter orientation="horizontal" label="Resize" value={v} min={10} max={90} onChange={setV} />
  )
}

describe('Splitter', () => {
  it('is a focusable separator moved by the arrow keys, within its bounds', () => {
    render(<Harness />)
    const sep = screen.getByRole('separator', { name: 'Resize' })
    expect(sep).toHaveAttribute('aria-valuenow', '50')
    fireEvent.keyDown(sep, { key: 'ArrowDown' })
    expect(sep).toHaveAttribute('aria-valuenow', '52')
    fireEvent.keyDown(sep, { key: 'ArrowUp' })
    fireEvent.keyDown(sep, { key: 'ArrowUp' })
    expect(sep).toHaveAttribute('aria-valuenow', '48')
    fireEvent.keyDown(sep, { key: 'End' })
    expect(sep).toHaveAttribute('aria-valuenow', '90')
    fireEvent.keyDown(sep, { key: 'ArrowDown' })
    expect(sep).toHaveAttribute('aria-valuenow', '90')
  })

  it('follows a pointer drag', () => {
    render(<Harness />)
    const sep = screen.getByRole('separator')
    fireEvent.pointerDown(sep, { clientY: 100 })
    fireEvent.pointerMove(sep, { clientY: 120 })
    fireEvent.pointerUp(sep)
    expect(sep).toHaveAttribute('aria-valuenow', '70')
  })
})
