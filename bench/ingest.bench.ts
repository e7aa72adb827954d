// shim.ingest: events per second the host takes in from a watched program — ShimServer's line
// splitting, each line's schema check, the time merge and the translation into a ProgramRun's
// events — fed over the Unix socket by a synthetic shim (bench/python/shim_flood.py) writing
// queue.put lines as fast as the host reads them. The rate is per second of the host's CPU
// (what the host can take), the wall rate a note (it also waits for the writer). Baseline: JSON.parse alone of the same lines
// in this run (no checks, no run).
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Bench } from './harness'
import { median } from './harness'
import { benchPython, runWatched } from './python/watched'

const FLOOD = resolve(import.meta.dirname, 'python/shim_flood.py')

/** Lines per second of the host's CPU time, and per second of wall time, from the first
 *  queue.put the run recorded to the last. The writer is a niced Python process: on a busy
 *  machine it waits for a CPU, and the wall rate measures that as much as the host. */
async function ingest(python: Exclude<ReturnType<typeof benchPython>, string>, n: number) {
  let first = 0
  let last = 0
  let cpu0 = process.cpuUsage()
  let cpu = 0
  let puts = 0
  await runWatched(python, [FLOOD, String(n)], (e) => {
    if (e.type !== 'queue.put') return
    last = performance.now()
    if (puts++ === 0) {
      first = last
      cpu0 = process.cpuUsage()
    } else if (puts === n) {
      const d = process.cpuUsage(cpu0)
      cpu = (d.user + d.system) / 1e6
    }
  })
  if (puts !== n) throw new Error(`the run recorded ${puts} of ${n} queue.put events`)
  return { cpu: (n - 1) / cpu, wall: (n - 1) / ((last - first) / 1000) }
}

function parseOnly(n: number): number {
  const lines = Array.from(
    { length: n },
    (_, i) =>
      `{"type":"queue.put","ns":${1e12 + i},"queue":"q1","pid":4242,"msg":0,"depth":${i % 50}}`
  )
  const t = performance.now()
  let sum = 0
  for (const l of lines) sum += (JSON.parse(l) as { depth: number }).depth
  const s = (performance.now() - t) / 1000
  return sum >= 0 ? n / s : 0
}

export const ingestBench: Bench = {
  name: 'ingest',
  cannotRun() {
    const p = benchPython()
    return typeof p === 'string' ? p : null
  },
  async run({ long }) {
    const py = benchPython()
    if (typeof py === 'string') throw new Error(py)
    const n = long ? 1_000_000 : 200_000
    const runs: { cpu: number; wall: number }[] = []
    for (let i = 0; i < 3; i++) runs.push(await ingest(py, n))
    const rate = median(runs.map((r) => r.cpu))
    const wall = median(runs.map((r) => r.wall))
    const parse = parseOnly(n)
    return [
      {
        id: 'shim.ingest',
        name: `shim.ingest (${n} lines, median of 3)`,
        value: rate,
        unit: 'events/CPU-s',
        baseline: 'JSON.parse alone of the same lines (this run)',
        baselineValue: parse,
        ratio: parse ? rate / parse : null,
        target: 'host ingests ≥ 200,000 events/s',
        met: rate >= 200_000,
        note: `per second of the host's CPU time; ${Math.round(wall)} events/s of wall time`
      }
    ]
  }
}
