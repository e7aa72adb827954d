import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useProgressive } from './useProgressive'

const items = (n: number, from = 0): { id: string }[] =>
  Array.from({ length: n }, (_, i) => ({ id: `n${from + i}` }))

describe('useProgressive', () => {
  it('shows a few new items at once', () => {
    const list = items(5)
    const { result } = renderHook(() => useProgressive(list, 8))
    expect(result.current).toBe(list)
  })

  it('adds many new items one step per frame, in order, until all are shown', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    try {
      const list = items(20)
      const { result } = renderHook(() => useProgressive(list, 8))
      expect(result.current).toHaveLength(8)
      const seen: number[] = []
      for (let f = 0; f < 4; f++) {
        act(() => vi.advanceTimersToNextFrame())
        seen.push(result.current.length)
      }
      expect(seen).toEqual([16, 20, 20, 20])
      expect(result.current).toBe(list)
    } finally {
      vi.useRealTimers()
    }
  })

  it('forgets removed items and shows the ones it knew at once', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    try {
      let list = items(10)
      const { result, rerender } = renderHook(() => useProgressive(list, 4))
      for (let f = 0; f < 3; f++) act(() => vi.advanceTimersToNextFrame())
      expect(result.current).toHaveLength(10)
      list = items(6) // 4 removed
      rerender()
      expect(result.current).toBe(list)
      list = [...items(6), ...items(3, 100)] // 3 new: a step or less, at once
      rerender()
      expect(result.current).toBe(list)
    } finally {
      vi.useRealTimers()
    }
  })
})
