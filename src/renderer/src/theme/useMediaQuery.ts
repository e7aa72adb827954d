// Follows a CSS media query (the OS theme, reduced motion) for the parts CSS cannot reach.
import { useCallback, useSyncExternalStore } from 'react'

// One query list per query for the page: React reads the snapshot on every render of every chart.
const lists = new Map<string, MediaQueryList | undefined>()
function mediaQuery(q: string): MediaQueryList | undefined {
  if (!lists.has(q)) lists.set(q, window.matchMedia?.(q))
  return lists.get(q)
}

export function useMediaQuery(q: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void): (() => void) => {
      const mq = mediaQuery(q)
      mq?.addEventListener('change', onChange)
      return () => mq?.removeEventListener('change', onChange)
    },
    [q]
  )
  return useSyncExternalStore(subscribe, () => mediaQuery(q)?.matches ?? false)
}

/** True when the OS asks for less motion: animations then stand still. */
export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)')
}
