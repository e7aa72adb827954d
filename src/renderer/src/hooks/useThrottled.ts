// A value that follows `value` at most once every `ms`: heavy views (charts, the timeline)
// redraw a few times a second however fast the store changes. After a quiet spell a change
// shows at once (a click on the replay scrubber answers immediately); during a burst the
// newest value arrives on a timer (trailing update, none lost). A change of `key` (another
// run) always shows at once.
import { useEffect, useState } from 'react'

interface Shown<T> {
  value: T
  key: unknown
  at: number
}

export function useThrottled<T>(value: T, ms: number, key?: unknown): T {
  const [shown, setShown] = useState<Shown<T>>(() => ({ value, key, at: Date.now() }))
  const stale = shown.value !== value
  // eslint-disable-next-line react-hooks/purity -- the clock is what throttling is about
  const now = Date.now()
  const due = stale && (shown.key !== key || now - shown.at >= ms)
  useEffect(() => {
    if (!stale || due) return
    const timer = setTimeout(() => setShown({ value, key, at: Date.now() }), shown.at + ms - now)
    return () => clearTimeout(timer)
  }, [stale, due, value, key, ms, shown.at, now])
  if (due) {
    // derived state: React re-renders this component with it before committing
    setShown({ value, key, at: now })
    return value
  }
  return shown.value
}
