// A value that follows `value` at most once every `ms`: heavy views (charts, the timeline)
// redraw a few times a second however fast the store changes. After a quiet spell a change
// shows at once (a click on the replay scrubber answers immediately); during a burst the
// newest value arrives on a timer (trailing update, none lost). A change of `key` (another
// run) always shows at once.
//
// With `share`, the spacing also grows with what an update costs: the time from an update
// to the next free moment of the main thread is measured, and updates come no more often
// than keeps that cost under `share` of the thread (a slow or crowded machine gets fewer
// redraws instead of a page that falls behind its event stream).
import { useEffect, useState } from 'react'

interface Shown<T> {
  value: T
  key: unknown
  at: number
}

/** Gaps are rounded to this, so a jittery measurement does not re-render for nothing. */
const GAP_STEP_MS = 50
/** The longest gap: however slow the machine, the view moves every few seconds. */
const MAX_GAP_MS = 2000

export function useThrottled<T>(value: T, ms: number, key?: unknown, share?: number): T {
  const [shown, setShown] = useState<Shown<T>>(() => ({ value, key, at: Date.now() }))
  const [gap, setGap] = useState(ms)
  const wait = Math.max(ms, gap)
  const stale = shown.value !== value
  // eslint-disable-next-line react-hooks/purity -- the clock is what throttling is about
  const now = Date.now()
  const due = stale && (shown.key !== key || now - shown.at >= wait)
  useEffect(() => {
    if (!stale || due) return
    const timer = setTimeout(() => setShown({ value, key, at: Date.now() }), shown.at + wait - now)
    return () => clearTimeout(timer)
  }, [stale, due, value, key, wait, shown.at, now])
  useEffect(() => {
    if (!share || ms <= 0) return
    // runs after the commit; the timer fires once the work that the update started is done
    const timer = setTimeout(() => {
      const cost = Date.now() - shown.at
      const next = Math.min(MAX_GAP_MS, Math.ceil(cost / share / GAP_STEP_MS) * GAP_STEP_MS)
      setGap((g) => (g === next ? g : next))
    })
    return () => clearTimeout(timer)
  }, [shown.at, share, ms])
  if (due) {
    // derived state: React re-renders this component with it before committing
    setShown({ value, key, at: now })
    return value
  }
  return shown.value
}
