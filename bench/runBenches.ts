// Runs benchmarks in turn: one that cannot run here is reported skipped with its reason, and
// the first failure stops the run with an error naming the benchmark (bench/index.ts then
// exits non-zero). Row ids must be unique: tools compare runs by them.
import type { Bench, BenchOptions, BenchResult, BenchSkipped } from './harness'

export type BenchRow = BenchResult | BenchSkipped

export function isSkipped(row: BenchRow): row is BenchSkipped {
  return 'skipped' in row
}

export async function runBenches(
  benches: readonly Bench[],
  opts: BenchOptions,
  emit: (row: BenchRow) => void
): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const ids = new Set<string>()
  const add = (row: BenchRow): void => {
    if (ids.has(row.id)) throw new Error(`two rows share the id '${row.id}'`)
    ids.add(row.id)
    rows.push(row)
    emit(row)
  }
  for (const bench of benches) {
    const why = bench.cannotRun?.() ?? null
    if (why !== null) {
      add({ id: bench.name, name: bench.name, skipped: why })
      continue
    }
    let results: BenchResult[]
    try {
      results = await bench.run(opts)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      throw new Error(`benchmark ${bench.name} failed: ${message}`, { cause: err })
    }
    results.forEach(add)
  }
  return rows
}

/** The benchmarks `--only NAME` selects (by prefix); an unknown name is an error. */
export function selectBenches(benches: readonly Bench[], only: string | undefined): Bench[] {
  if (only === undefined) return [...benches]
  const picked = benches.filter((b) => b.name.startsWith(only))
  if (picked.length === 0) {
    throw new Error(
      `--only ${only}: no benchmark of that name (known: ${benches.map((b) => b.name).join(', ')})`
    )
  }
  return picked
}
