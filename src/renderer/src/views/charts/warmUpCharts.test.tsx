import { act } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { warmUpCharts } from './warmUpCharts'

describe('warmUpCharts', () => {
  it('draws a real chart off screen when the page is idle, then leaves nothing behind', async () => {
    vi.useFakeTimers()
    try {
      let idle: (() => void) | undefined
      const win = Object.assign(Object.create(window) as Window, {
        document,
        setTimeout: window.setTimeout.bind(window),
        requestIdleCallback: (cb: () => void) => ((idle = cb), 1)
      })
      const done = warmUpCharts(win)
      expect(document.querySelector('[aria-hidden="true"] .recharts-wrapper')).toBeNull()
      act(() => idle!())
      const host = document.querySelector<HTMLElement>('body > [aria-hidden="true"]')!
      expect(host.style.visibility).toBe('hidden')
      expect(host.querySelector('.recharts-wrapper')).not.toBeNull() // recharts really drew
      await act(async () => {
        vi.advanceTimersByTime(100)
        await done
      })
      expect(host.isConnected).toBe(false)
      expect(document.querySelector('.recharts-wrapper')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
