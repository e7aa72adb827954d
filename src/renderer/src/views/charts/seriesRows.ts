// Merges several step series (queue depths, lock waiters) into chart rows on one time axis:
// at each time any series changes, every series carries its latest value.
import type { Point } from '../../store/bounded'

export type SeriesRow = Record<string, number | null> & { t: number }

export function mergeSteps(series: ReadonlyMap<string, readonly Point[]>): SeriesRow[] {
  const times = new Set<number>()
  for (const s of series.values()) for (const p of s) times.add(p.t)
  const sorted = [...times].sort((a, b) => a - b)
  const cursors = new Map<string, number>()
  const current = new Map<string, number | null>()
  return sorted.map((t) => {
    const row: SeriesRow = { t: t / 1000 }
    for (const [key, s] of series) {
      let i = cursors.get(key) ?? 0
      while (i < s.length && s[i]!.t <= t) current.set(key, s[i++]!.v)
      cursors.set(key, i)
      row[key] = current.get(key) ?? null
    }
    return row
  })
}
