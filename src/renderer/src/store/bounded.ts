// Helpers that keep the renderer's collections bounded, so an hour-long run costs no more
// memory than a short one.

/** Appends `items` and keeps only the newest `max` elements. */
export function appendBounded<T>(prev: readonly T[], items: readonly T[], max: number): T[] {
  if (items.length === 0) return prev as T[]
  const all = prev.concat(items)
  return all.length > max ? all.slice(all.length - max) : all
}

export interface Point {
  t: number
  v: number
}

/**
 * Pushes a point onto a whole-run series (mutates `series`). When the series reaches `max`
 * points it halves its resolution, keeping the larger value of each pair so peaks survive:
 * the shape of the whole run stays visible at a fixed cost.
 */
export function pushDecimated(series: Point[], p: Point, max: number): void {
  if (series.length >= max) {
    let w = 0
    for (let i = 0; i + 1 < series.length; i += 2) {
      const a = series[i]!
      const b = series[i + 1]!
      series[w++] = a.v > b.v ? { t: a.t, v: a.v } : b
    }
    if (series.length % 2 === 1) series[w++] = series[series.length - 1]!
    series.length = w
  }
  const last = series[series.length - 1]
  // Several changes at the same instant: the last one is what a chart can show.
  if (last && last.t === p.t) series[series.length - 1] = p
  else series.push(p)
}
