// The benchmark harness: each benchmark measures its subject and a baseline in the same run
// and reports the ratio, so results compare across noisy machines.
export interface BenchResult {
  /** Stable key for tools comparing runs (`pool.map1`): never carries sizes or counts. */
  id: string
  /** What the table shows, sizes included (`pool.map1 (100000)`). */
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

/** A benchmark that cannot run here (no browser, no /proc): reported with the reason. */
export interface BenchSkipped {
  id: string
  name: string
  skipped: string
}

export interface Bench {
  name: string
  /** Why it cannot run on this machine, or null when it can: asked before `run`. */
  cannotRun?(): string | null
  run(opts: BenchOptions): Promise<BenchResult[]>
}

export function ratio(value: number, baselineValue: number | null): number | null {
  return baselineValue === null || baselineValue === 0 ? null : value / baselineValue
}

/** Mean of a list of numbers. */
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** CPU time (user + system, µs) this process spends in `fn`. */
export async function cpuOf(fn: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage()
  await fn()
  const { user, system } = process.cpuUsage(before)
  return user + system
}
