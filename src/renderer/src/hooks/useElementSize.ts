// The size of an element, kept current with a ResizeObserver. Where layout gives 0 (a hidden
// pane, or jsdom in tests) the fallback size is used so charts still render.
import { useCallback, useState } from 'react'

export interface Size {
  width: number
  height: number
}

export function useElementSize<T extends HTMLElement>(
  fallback: Size
): [(el: T | null) => void, Size] {
  const [size, setSize] = useState<Size | null>(null)
  const ref = useCallback((el: T | null) => {
    if (!el) return
    const measure = (): void => {
      const r = el.getBoundingClientRect()
      setSize((prev) =>
        prev && prev.width === Math.round(r.width) && prev.height === Math.round(r.height)
          ? prev
          : { width: Math.round(r.width), height: Math.round(r.height) }
      )
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  const usable = size && size.width > 0 && size.height > 0 ? size : fallback
  return [ref, usable]
}
