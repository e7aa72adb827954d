import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useThrottled } from './useThrottled'

function Show({ value, runKey }: { value: number; runKey?: string }): React.JSX.Element {
  return <p>{useThrottled(value, 200, runKey)}</p>
}

describe('useThrottled', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows a change after a quiet spell at once, a burst at most every ms', () => {
    const { rerender } = render(<Show value={1} />)
    expect(screen.getByText('1')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(500))
    rerender(<Show value={2} />)
    expect(screen.getByText('2')).toBeInTheDocument()
    rerender(<Show value={3} />)
    rerender(<Show value={4} />)
    act(() => vi.advanceTimersByTime(100))
    expect(screen.getByText('2')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(100))
    // trailing: the newest value, none lost at the end
    expect(screen.getByText('4')).toBeInTheDocument()
    rerender(<Show value={5} />)
    act(() => vi.advanceTimersByTime(150))
    expect(screen.getByText('4')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(50))
    expect(screen.getByText('5')).toBeInTheDocument()
  })

  it('follows a new key at once', () => {
    const { rerender } = render(<Show value={1} runKey="a" />)
    rerender(<Show value={2} runKey="a" />)
    rerender(<Show value={7} runKey="b" />)
    expect(screen.getByText('7')).toBeInTheDocument()
  })
})

function Costly({ value }: { value: number }): React.JSX.Element {
  return <p>{useThrottled(value, 100, undefined, 0.1)}</p>
}

describe('useThrottled with a share of the main thread', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('spaces updates out to keep their measured cost under the share', () => {
    const { rerender } = render(<Costly value={1} />)
    // the first update's work ends 50 ms after it started: at 10 %, one every 500 ms
    act(() => vi.setSystemTime(Date.now() + 50))
    act(() => vi.advanceTimersByTime(0))
    rerender(<Costly value={2} />)
    // without the share it would show after 100 ms
    act(() => vi.advanceTimersByTime(300))
    expect(screen.getByText('1')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(200))
    expect(screen.getByText('2')).toBeInTheDocument()
  })
})
