// Boxes appear at most MOUNT_STEP per frame: opening a group of 256 processes (or seeking to
// where they all exist) mounted every box in one frame — frames of 0.3–1.8 s on a loaded
// machine. Boxes already shown stay; the first step of new ones shows at once, the rest one
// step per animation frame. Each step also costs React Flow a pass over every box (its store
// runs one selector per box on each change), so steps are not made smaller than this.
import { useEffect, useMemo, useState } from 'react'

export const MOUNT_STEP = 32

const byId = (i: { id: string }): string => i.id

/** `keyOf` names an item (its `id` by default); give one that does not change between renders. */
export function useProgressive<T>(
  items: readonly T[],
  step = MOUNT_STEP,
  keyOf: (item: T) => unknown = byId as (item: T) => unknown
): readonly T[] {
  const [shown, setShown] = useState<ReadonlySet<unknown>>(() => new Set())
  const fresh = useMemo(() => items.filter((i) => !shown.has(keyOf(i))), [items, shown, keyOf])
  const visible = useMemo(() => {
    if (fresh.length <= step) return items
    const now = new Set(fresh.slice(0, step).map(keyOf))
    return items.filter((i) => shown.has(keyOf(i)) || now.has(keyOf(i)))
  }, [items, shown, fresh, step, keyOf])
  useEffect(() => {
    if (fresh.length === 0) return
    // what is drawn now counts as shown (and only that: a removed box is forgotten)
    const frame = requestAnimationFrame(() => setShown(new Set(visible.map(keyOf))))
    return () => cancelAnimationFrame(frame)
  }, [fresh, visible, keyOf])
  return visible
}
