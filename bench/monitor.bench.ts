// monitor.sample: CPU time of one sampler tick (the machine's cores, the host and N idle
// processes) on this platform's reader, against two baselines ticked in turn with it at 10 Hz
// in the same run: the bare floor (only reading the same N kept-open stat files) and pidusage
// on the same PIDs. Reported as % of one core at 10 Hz; targets at N=300: ≤ 1.15× the floor,
// ≤ 0.4× pidusage.
import { closeSync, openSync, readSync } from 'node:fs'
import pidusage from 'pidusage'
import type { Snapshot } from '../src/main/core/monitor/Sampler'
import { Sampler } from '../src/main/core/monitor/Sampler'
import { readable } from '../src/main/core/monitor/readable'
import type { Bench, BenchResult } from './harness'
import { cpuOf, mean, median, ratio } from './harness'
import { idleChildren } from './idleChildren'

const HZ = 10
const SIZES = [10, 100, 300]

/** The bare floor: the same N `/proc/<pid>/stat` files, kept open, each read once per tick into
 *  one buffer, nothing parsed or kept. What any procfs sampler must pay at the least. */
class StatFloor {
  private readonly fds: number[]
  private readonly buf = Buffer.allocUnsafe(2048)
  constructor(pids: readonly number[]) {
    this.fds = pids.map((pid) => openSync(`/proc/${pid}/stat`, 'r'))
  }
  tick(): number {
    let bytes = 0
    for (const fd of this.fds) bytes += readSync(fd, this.buf, 0, this.buf.length, 0)
    return bytes
  }
  close(): void {
    this.fds.forEach((fd) => closeSync(fd))
  }
}

/** µs per tick × 10 ticks/s ÷ 1e6 µs/s × 100 % = % of one core. */
const pct = (us: number): number => (us * HZ) / 1e4

export const monitorBench: Bench = {
  name: 'monitor.sample',
  cannotRun: () =>
    readable('/proc/self/stat') ? null : 'no /proc here: the floor it is measured against needs it',
  async run({ long }) {
    const ticks = long ? 300 : 50
    const results: BenchResult[] = []
    for (const n of SIZES) {
      const kids = await idleChildren(n)
      try {
        const pids = [process.pid, ...kids.pids]
        const sampler = new Sampler()
        const floor = new StatFloor(pids)
        // warm-up: open descriptors, let pidusage read its clock tick and page size
        await sampler.tick(pids)
        floor.tick()
        await pidusage([...pids])
        const ours: number[] = []
        const bare: number[] = []
        const theirs: number[] = []
        let snap: Snapshot | undefined
        const steps = [
          async (): Promise<void> => {
            ours.push(await cpuOf(async () => (snap = await sampler.tick(pids))))
          },
          async (): Promise<void> => {
            bare.push(await cpuOf(() => Promise.resolve(floor.tick())))
          },
          async (): Promise<void> => {
            theirs.push(await cpuOf(() => pidusage([...pids])))
          }
        ]
        for (let i = 0; i < ticks; i++) {
          const start = performance.now()
          // in turn, a different one first each tick: the same conditions for all three
          for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!()
          if (snap!.procs.filter((r) => r.alive).length !== pids.length)
            throw new Error(`the sampler lost processes at N=${n}`)
          // the next tick at the 10 Hz pace, as when a run is live
          await new Promise((r) =>
            setTimeout(r, Math.max(0, 1000 / HZ - (performance.now() - start)))
          )
        }
        sampler.close()
        floor.close()
        pidusage.clear()
        const value = pct(mean(ours))
        const floorValue = pct(mean(bare))
        const base = pct(mean(theirs))
        const note =
          `${sampler.reader.kind}: mean ${mean(ours).toFixed(0)} µs/tick ` +
          `(median ${median(ours).toFixed(0)}), floor ${mean(bare).toFixed(0)} ` +
          `(median ${median(bare).toFixed(0)}), pidusage ${mean(theirs).toFixed(0)} ` +
          `(median ${median(theirs).toFixed(0)}), ${ticks} ticks`
        const vsFloor = ratio(value, floorValue)
        const vsPidusage = ratio(value, base)
        results.push(
          {
            id: `monitor.sample.n${n}.floor`,
            name: `monitor.sample N=${n}`,
            value,
            unit: '% of a core at 10 Hz',
            baseline: 'bare reads of the same stat files',
            baselineValue: floorValue,
            ratio: vsFloor,
            ...(n === 300
              ? { target: '≤ 1.15× floor', met: vsFloor !== null && vsFloor <= 1.15 }
              : {}),
            note
          },
          {
            id: `monitor.sample.n${n}.pidusage`,
            name: `monitor.sample N=${n}`,
            value,
            unit: '% of a core at 10 Hz',
            baseline: 'pidusage, same pids',
            baselineValue: base,
            ratio: vsPidusage,
            ...(n === 300
              ? { target: '≤ 0.4× pidusage', met: vsPidusage !== null && vsPidusage <= 0.4 }
              : {})
          }
        )
      } finally {
        await kids.kill()
      }
    }
    return results
  }
}
