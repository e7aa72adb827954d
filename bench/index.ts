// `npm run bench [-- --json] [-- --only NAME] [-- --long]`: runs every benchmark, prints a table
// (or one JSON object per result line with --json). Whatever happens, the process ends: exit 0
// when every benchmark ran or was skipped with its reason, 1 on a failure (named on stderr),
// 2 on a bad argument. The exit is explicit, so that a handle a failed benchmark left open (a
// server, a browser) cannot keep the process alive.
import { resolve } from 'node:path'
import { discoveryBench } from './discovery.bench'
import type { Bench } from './harness'
import { ingestBench } from './ingest.bench'
import { monitorBench } from './monitor.bench'
import { pipeBench } from './pipe.bench'
import { poolBench } from './pool.bench'
import { processBench } from './process.bench'
import { queueBench } from './queue.bench'
import type { BenchRow } from './runBenches'
import { isSkipped, runBenches, selectBenches } from './runBenches'
import { shimBench } from './shim.bench'
import { streamBench } from './stream.bench'
import { systemBench } from './system.bench'
import { traceExportBench } from './trace.bench'

process.env.POOLSCOPE_WORKER_ENTRY ??= resolve(import.meta.dirname, '../out/main/worker.js')

const benches: Bench[] = [
  monitorBench,
  systemBench,
  discoveryBench,
  poolBench,
  queueBench,
  pipeBench,
  processBench,
  streamBench,
  traceExportBench,
  shimBench,
  ingestBench
]

const USAGE = 'usage: bench/index.ts [--json] [--long] [--only NAME]'

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  if (args.includes('--help')) {
    console.log(`${USAGE}\nbenchmarks: ${benches.map((b) => b.name).join(', ')}`)
    return 0
  }
  const json = args.includes('--json')
  const long = args.includes('--long')
  const onlyAt = args.indexOf('--only')
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined
  const unknown = args.filter(
    (a, i) => !['--json', '--long', '--only'].includes(a) && i !== onlyAt + 1
  )
  let picked: Bench[]
  try {
    if (unknown.length) throw new Error(`unknown argument ${unknown[0]} (${USAGE})`)
    if (onlyAt >= 0 && !only) throw new Error(`--only needs a benchmark name (${USAGE})`)
    picked = selectBenches(benches, only)
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`)
    return 2
  }
  const emit = (row: BenchRow): void => {
    if (json) process.stdout.write(JSON.stringify(row) + '\n')
    else if (isSkipped(row)) console.error(`bench: ${row.name} skipped: ${row.skipped}`)
  }
  try {
    const rows = await runBenches(picked, { long }, emit)
    if (!json) printTable(rows)
    return 0
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`)
    if (process.env.BENCH_STACK) console.error(err)
    return 1
  }
}

function printTable(rows: BenchRow[]): void {
  const fmt = (n: number | null): string =>
    n === null ? '—' : n >= 100 ? n.toFixed(0) : n.toPrecision(3)
  const cells = rows.map((r) =>
    isSkipped(r)
      ? [r.name, 'skipped', '', '', '', '', r.skipped]
      : [
          r.name,
          `${fmt(r.value)} ${r.unit}`,
          r.baseline,
          fmt(r.baselineValue),
          r.ratio === null ? '—' : `${fmt(r.ratio)}×`,
          r.target ? `${r.target} ${r.met ? '✓' : '✗'}` : '',
          r.note ?? ''
        ]
  )
  const head = ['benchmark', 'value', 'baseline', 'baseline value', 'ratio', 'target', 'note']
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)))
  const line = (row: string[]): string =>
    '| ' + row.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |'
  console.log(line(head))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  cells.forEach((r) => console.log(line(r)))
}

void main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench:', err)
    process.exit(1)
  }
)
