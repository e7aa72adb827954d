// `npm run bench [-- --json] [-- --only NAME] [-- --long]`: runs every benchmark, prints a table
// (or one JSON object per result line with --json).
import { resolve } from 'node:path'
import type { Bench, BenchResult } from './harness'
import { monitorBench } from './monitor.bench'
import { pipeBench } from './pipe.bench'
import { poolBench } from './pool.bench'
import { processBench } from './process.bench'
import { queueBench } from './queue.bench'
import { streamBench } from './stream.bench'
import { traceExportBench } from './trace.bench'

process.env.POOLSCOPE_WORKER_ENTRY ??= resolve(import.meta.dirname, '../out/main/worker.js')

const benches: Bench[] = [
  monitorBench,
  poolBench,
  queueBench,
  pipeBench,
  processBench,
  streamBench,
  traceExportBench
]

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const long = args.includes('--long')
  const onlyAt = args.indexOf('--only')
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined
  const results: BenchResult[] = []
  for (const bench of benches) {
    if (only && !bench.name.startsWith(only)) continue
    for (const r of await bench.run({ long })) {
      results.push(r)
      if (json) process.stdout.write(JSON.stringify(r) + '\n')
    }
  }
  if (!json) printTable(results)
}

function printTable(results: BenchResult[]): void {
  const fmt = (n: number | null): string =>
    n === null ? '—' : n >= 100 ? n.toFixed(0) : n.toPrecision(3)
  const rows = results.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline,
    fmt(r.baselineValue),
    r.ratio === null ? '—' : `${fmt(r.ratio)}×`,
    r.target ? `${r.target} ${r.met ? '✓' : '✗'}` : '',
    r.note ?? ''
  ])
  const head = ['benchmark', 'value', 'baseline', 'baseline value', 'ratio', 'target', 'note']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |'
  console.log(line(head))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  rows.forEach((r) => console.log(line(r)))
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
