// monitor.sample: CPU time of one sampler tick (the machine's cores, the host and N idle
// processes) on this platform's reader, against pidusage on the same PIDs, ticking both in
// turn at 10 Hz in the same run. Reported as % of one core at 10 Hz; target ≤ 2 % at N=300.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import pidusage from 'pidusage'
import type { Snapshot } from '../src/main/core/monitor/Sampler'
import { Sampler } from '../src/main/core/monitor/Sampler'
import type { Bench, BenchResult } from './harness'
import { median, ratio } from './harness'

const HZ = 10
const SIZES = [10, 100, 300]

/** CPU time (user + system, µs) this process spends in `fn`. */
async function cpuOf(fn: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage()
  await fn()
  const { user, system } = process.cpuUsage(before)
  return user + system
}

/** N idle children (`sleep`), killed however the benchmark ends (even by SIGKILL: they
 *  sleep no longer than the longest run would take). */
async function idleChildren(n: number): Promise<{ pids: number[]; kill(): Promise<void> }> {
  const children: ChildProcess[] = []
  const killAll = (): void => children.forEach((c) => c.kill('SIGKILL'))
  const onSignal = (): void => {
    killAll()
    process.exit(130)
  }
  process.once('exit', killAll)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  for (let i = 0; i < n; i++) {
    const child = spawn('sleep', ['300'], { stdio: 'ignore' })
    children.push(child)
    await once(child, 'spawn')
  }
  return {
    pids: children.map((c) => c.pid!),
    async kill() {
      const gone = children.map((c) => c.exitCode ?? c.signalCode ?? once(c, 'exit'))
      killAll()
      await Promise.all(gone)
      process.off('exit', killAll)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

export const monitorBench: Bench = {
  name: 'monitor.sample',
  async run({ long }) {
    const ticks = long ? 300 : 50
    const results: BenchResult[] = []
    for (const n of SIZES) {
      const kids = await idleChildren(n)
      try {
        const pids = [process.pid, ...kids.pids]
        const sampler = new Sampler()
        // warm-up: open descriptors, let pidusage read its clock tick and page size
        await sampler.tick(pids)
        await pidusage([...pids])
        const ours: number[] = []
        const theirs: number[] = []
        for (let i = 0; i < ticks; i++) {
          const start = performance.now()
          let snap: Snapshot | undefined
          const sample = async (): Promise<void> => {
            ours.push(await cpuOf(async () => (snap = await sampler.tick(pids))))
          }
          const baseline = async (): Promise<void> => {
            theirs.push(await cpuOf(() => pidusage([...pids])))
          }
          // in turn, each going first every other tick: the same conditions for both
          if (i % 2) await baseline().then(sample)
          else await sample().then(baseline)
          if (snap!.procs.filter((r) => r.alive).length !== pids.length)
            throw new Error(`the sampler lost processes at N=${n}`)
          // the next tick at the 10 Hz pace, as when a run is live
          await new Promise((r) =>
            setTimeout(r, Math.max(0, 1000 / HZ - (performance.now() - start)))
          )
        }
        sampler.close()
        pidusage.clear()
        // µs per tick × 10 ticks/s ÷ 1e6 µs/s × 100 % = % of one core
        const pct = (us: number): number => (us * HZ) / 1e4
        const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
        const value = pct(mean(ours))
        const base = pct(mean(theirs))
        results.push({
          name: `monitor.sample N=${n}`,
          value,
          unit: '% of a core at 10 Hz',
          baseline: 'pidusage, same pids',
          baselineValue: base,
          ratio: ratio(value, base),
          ...(n === 300 ? { target: '≤ 2 %', met: value <= 2 } : {}),
          note:
            `${sampler.reader.kind}: mean ${mean(ours).toFixed(0)} µs/tick ` +
            `(median ${median(ours).toFixed(0)}), pidusage mean ${mean(theirs).toFixed(0)} ` +
            `(median ${median(theirs).toFixed(0)}), ${ticks} ticks`
        })
      } finally {
        await kids.kill()
      }
    }
    return results
  }
}
