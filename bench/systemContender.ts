// One contender of monitor.system in a process of its own (this file bundled, `node
// bundle.cjs KIND`: contenderProcess.ts), so that all it costs, the garbage it makes included,
// is charged to it alone, as top's CPU is to top. Driven by its parent over stdin, one command
// a line: it warms up and prints `ready`; `tick` samples the machine once and answers how many
// processes it listed and the CPU it took (µs); `gcs` answers its garbage collections so far
// (JSON, Gcs); `start` opens the measured window (answers `ok`); `stop` answers {"cpuUs",
// "mainUs", "tickUs", "tickMedianUs", "gcs"}: this process's CPU and collections since `start`
// (all its threads: the garbage collector's too; getrusage, the same count as
// /proc/<pid>/stat's utime + stime at µs resolution), its main thread's part, the part spent
// inside the ticks and the median tick, and ends. `twin` is the floor once more:
// two identical contenders measured side by side show how far the run's own noise moves a
// ratio. `idle` samples nothing: what such a driven node process costs by itself.
import { PerformanceObserver, constants } from 'node:perf_hooks'
import type { NodeGCPerformanceDetail } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import pidusage from 'pidusage'
import { SystemSampler } from '../src/main/core/explorer/SystemSampler'
import { median } from './harness'
import { ProcFloor, machinePids } from './procFloor'

const WARM_TICKS = 200
export const CONTENDERS = ['ours', 'floor', 'twin', 'parsed', 'pidusage', 'idle'] as const
export type Contender = (typeof CONTENDERS)[number]

/** Garbage collections, as V8 reports them to Node (no flag needed): mark-compacts (the memory
 *  reducer's among them), scavenges, and the pause time of all of them, ms. */
export interface Gcs {
  major: number
  minor: number
  ms: number
}

function watchGcs(): Gcs {
  const gcs: Gcs = { major: 0, minor: 0, ms: 0 }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const { kind } = (e as unknown as { detail: NodeGCPerformanceDetail }).detail
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcs.major++
      else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gcs.minor++
      gcs.ms += e.duration
    }
  }).observe({ entryTypes: ['gc'] })
  return gcs
}

/** The CPU time of this thread (the main one, where it is called) so far, µs: the scheduler's
 *  own count (ns), apart from V8's threads, which getrusage adds in. */
function mainThreadUs(): number {
  return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1000
}

interface Sampling {
  /** One sample of the machine: how many processes it listed. */
  tick(): Promise<number>
  close(): void
}

function sampling(kind: Contender): Sampling {
  if (kind === 'ours') {
    const sampler = new SystemSampler({ hz: 1 })
    return {
      tick: async () => (await sampler.tickNow()).procs.length,
      close: () => sampler.close()
    }
  }
  if (kind === 'floor' || kind === 'twin' || kind === 'parsed') {
    const floor = new ProcFloor(kind === 'parsed')
    return { tick: async () => (floor.tick(), floor.pids.length), close: () => floor.close() }
  }
  if (kind === 'pidusage') {
    // pidusage cannot list processes: it is given them (a readdir of /proc, charged to it), and
    // asked again when one went between listing and reading
    return {
      tick: async () => {
        const stats = await pidusage(machinePids()).catch(() => pidusage(machinePids()))
        return Object.keys(stats).length
      },
      close: () => pidusage.clear()
    }
  }
  return { tick: async () => 0, close: () => {} }
}

async function main(): Promise<void> {
  const kind = process.argv[2] as Contender
  if (!CONTENDERS.includes(kind)) throw new Error(`unknown contender ${kind}`)
  const s = sampling(kind)
  const gcs = watchGcs()
  // descriptors opened, names and users learnt; then ticked back to back, so that V8 has
  // optimised the hot paths before the 1 Hz ticks: at 1 Hz it got there 18–25 s in, and a
  // late compile (readAll's: 41 ms on V8's thread, --trace-opt) fell inside the measured
  // window or not, by chance. The same for every contender.
  for (let i = 0; i < WARM_TICKS; i++) await s.tick()
  process.stdout.write('ready\n')
  let start = process.cpuUsage()
  let mainStart = mainThreadUs()
  let tickUs = 0
  let ticks: number[] = []
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'tick') {
      const before = process.cpuUsage()
      const listed = await s.tick()
      const { user, system } = process.cpuUsage(before)
      tickUs += user + system
      ticks.push(user + system)
      process.stdout.write(`${listed} ${user + system}\n`)
    } else if (line === 'gcs') process.stdout.write(`${JSON.stringify(gcs)}\n`)
    else if (line === 'start') {
      start = process.cpuUsage()
      mainStart = mainThreadUs()
      tickUs = 0
      ticks = []
      Object.assign(gcs, { major: 0, minor: 0, ms: 0 })
      process.stdout.write('ok\n')
    } else if (line === 'stop') {
      const { user, system } = process.cpuUsage(start)
      const mainUs = mainThreadUs() - mainStart
      const tickMedianUs = ticks.length > 0 ? median(ticks) : 0
      process.stdout.write(
        `${JSON.stringify({ cpuUs: user + system, mainUs, tickUs, tickMedianUs, gcs })}\n`
      )
      break
    }
  }
  s.close()
  process.exit(0)
}

if (process.argv[1] === import.meta.filename) void main()
