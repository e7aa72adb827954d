// Reduces a step series to what a chart of `buckets` columns can show: per column its lowest
// and highest point (in time order), so peaks and troughs survive; plus the value carried in
// from before the window and the newest point. O(n), and a chart then draws ≤ 2·buckets + 2
// points however many the model keeps.
import type { Point } from '../../store/bounded'

export function decimateSteps(
  points: readonly Point[],
  start: number,
  end: number,
  buckets: number
): Point[] {
  if (points.length <= 2 * buckets + 2) return points as Point[]
  const width = Math.max(end - start, 1e-9) / buckets
  const out: Point[] = []
  let bucket = -1
  let lo: Point | null = null
  let hi: Point | null = null
  const flush = (): void => {
    if (!lo || !hi) return
    if (lo === hi) out.push(lo)
    else if (lo.t <= hi.t) out.push(lo, hi)
    else out.push(hi, lo)
  }
  let before: Point | null = null
  for (const p of points) {
    if (p.t < start) {
      before = p
      continue
    }
    if (p.t > end) break
    const b = Math.min(buckets - 1, Math.floor((p.t - start) / width))
    if (b !== bucket) {
      flush()
      bucket = b
      lo = hi = p
      continue
    }
    if (p.v < lo!.v) lo = p
    if (p.v >= hi!.v) hi = p
  }
  flush()
  if (before) out.unshift(before)
  // the newest point carries the current value, whichever bucket it fell in
  const newest = points[points.length - 1]!
  if (newest.t <= end && out[out.length - 1] !== newest) out.push(newest)
  return out
}
