// The benchmark harness: each benchmark measures its subject and a baseline in the same run
// and reports the ratio, so results compare across noisy machines.
export interface BenchResult {
  name: string
  value: number
  unit: string
  /** What the value is compared with, measured in this same run. */
  baseline: string
  baselineValue: number | null
  /** value / baselineValue, or how many times better when `higherIsBetter` says so. */
  ratio: number | null
  /** The target the issue sets, in words, and whether this run met it. */
  target?: string
  met?: boolean
  note?: string
}

export interface BenchOptions {
  /** --long: the full-size runs; otherwise a short default that still measures honestly. */
  long: boolean
}

export interface Bench {
  name: string
  run(opts: BenchOptions): Promise<BenchResult[]>
}

export function ratio(value: number, baselineValue: number | null): number | null {
  return baselineValue === null || baselineValue === 0 ? null : value / baselineValue
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
