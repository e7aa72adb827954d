// monitor.system: the explorer's whole-machine sample (SystemSampler: every process of the
// machine and its cores) at 1 Hz with N processes on the machine (raised with idle sleepers),
// as % of one core, against in the same run, at the same rate: procps `top -b -d 1` (its own
// CPU time), `ps -eo` with the explorer's columns once a second (the CPU of each ps, from this
// process's reaped-children time), pidusage on the same PIDs, and the bare floor: a loop that
// lists /proc and reads the same stat files (kept open) and /proc/stat, nothing parsed.
// Targets at each N: ≤ 0.5× top, ≤ 1.15× the floor.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs'
import { cpus } from 'node:os'
import pidusage from 'pidusage'
import { MS_PER_CLOCK_TICK } from '../src/main/core/monitor/clockTick'
import { readable } from '../src/main/core/monitor/readable'
import { SystemSampler } from '../src/main/core/explorer/SystemSampler'
import type { Bench, BenchResult } from './harness'
import { cpuOf, mean, median, ratio } from './harness'
import { idleChildren } from './idleChildren'

const SIZES = [300, 1000]
/** The explorer's columns, as ps names them. */
const PS_ARGS = ['-eo', 'pid,ppid,user,stat,nlwp,pcpu,rss,lstart,args']

/** The bare floor: what any /proc sampler of the whole machine must do at the least. */
class ProcFloor {
  private readonly fds = new Map<number, number>()
  private readonly buf = Buffer.allocUnsafe(4096)
  private statFd = openSync('/proc/stat', 'r')
  pids: number[] = []

  tick(): void {
    const pids: number[] = []
    for (const entry of readdirSync('/proc')) {
      const c = entry.charCodeAt(0)
      if (c < 48 || c > 57) continue
      const pid = Number(entry)
      let fd = this.fds.get(pid)
      try {
        if (fd === undefined) this.fds.set(pid, (fd = openSync(`/proc/${pid}/stat`, 'r')))
        readSync(fd, this.buf, 0, this.buf.length, 0)
        pids.push(pid)
      } catch {
        this.drop(pid)
      }
    }
    readSync(this.statFd, this.buf, 0, this.buf.length, 0)
    const seen = new Set(pids)
    for (const pid of this.fds.keys()) if (!seen.has(pid)) this.drop(pid)
    this.pids = pids
  }

  close(): void {
    for (const pid of [...this.fds.keys()]) this.drop(pid)
    closeSync(this.statFd)
  }

  private drop(pid: number): void {
    const fd = this.fds.get(pid)
    this.fds.delete(pid)
    if (fd !== undefined) closeSync(fd)
  }
}

/** CPU time of a process so far, ms: its own, or (`reaped`) that of its waited-for children. */
function cpuMsOf(pid: number | 'self', reaped = false): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'latin1')
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const [a, b] = reaped ? [f[13], f[14]] : [f[11], f[12]]
  return (Number(a) + Number(b)) * MS_PER_CLOCK_TICK
}

function machineCount(): number {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).length
}

/** One `ps` over the whole machine, its output read as a user of it would. */
async function runPs(): Promise<void> {
  const ps = spawn('ps', PS_ARGS, { stdio: ['ignore', 'pipe', 'ignore'] })
  ps.stdout.resume()
  const [code] = (await once(ps, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`ps ${PS_ARGS.join(' ')} exited with ${code}`)
}

/** Why procps top cannot be measured here, or null. */
function topMissing(): string | null {
  const v = spawnSync('top', ['-V'], { encoding: 'utf8' })
  if (v.error) return `no top here (${v.error.message})`
  return /procps/.test(v.stdout + v.stderr) ? null : `top is not procps's: ${v.stdout.trim()}`
}

/** µs per tick at 1 Hz → % of one core. */
const pct = (us: number): number => us / 1e4

export const systemBench: Bench = {
  name: 'monitor.system',
  cannotRun: () => {
    if (!readable('/proc/self/stat')) return 'no /proc here: the floor and top both need it'
    return topMissing() ?? (spawnSync('ps', ['-V']).error ? 'no ps here' : null)
  },
  async run({ long }) {
    const ticks = long ? 60 : 10
    const results: BenchResult[] = []
    for (const n of SIZES) {
      const kids = await idleChildren(Math.max(0, n - machineCount()), long ? 900 : 300)
      let top: ChildProcess | undefined
      try {
        const sampler = new SystemSampler({ hz: 1 })
        const floor = new ProcFloor()
        // warm-up: descriptors opened, names and users learnt, pidusage's clock tick read
        await sampler.tickNow()
        floor.tick()
        await pidusage(floor.pids)
        // -n: it ends by itself, even if this benchmark is killed
        top = spawn('top', ['-b', '-d', '1', '-n', String(ticks + 5)], { stdio: 'ignore' })
        await new Promise((r) => setTimeout(r, 1500)) // its start and first screen
        const topCpu0 = cpuMsOf(top.pid!)
        const topT0 = performance.now()
        const ours: number[] = []
        const bare: number[] = []
        const theirs: number[] = []
        const psMs: number[] = []
        const counts: number[] = []
        const steps = [
          async (): Promise<void> => {
            ours.push(await cpuOf(() => sampler.tickNow()))
            counts.push(sampler.latest!.procs.length)
          },
          async (): Promise<void> => {
            bare.push(await cpuOf(() => Promise.resolve(floor.tick())))
          },
          async (): Promise<void> => {
            theirs.push(await cpuOf(() => pidusage(floor.pids)))
          },
          async (): Promise<void> => {
            const before = cpuMsOf('self', true)
            await runPs()
            psMs.push(cpuMsOf('self', true) - before)
          }
        ]
        for (let i = 0; i < ticks; i++) {
          const start = performance.now()
          // in turn, a different one first each second: the same conditions for all
          for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!()
          const listed = sampler.latest!.procs.length
          if (listed < floor.pids.length * 0.9)
            throw new Error(
              `the sampler listed ${listed} processes, the floor ${floor.pids.length}`
            )
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - start))))
        }
        const topValue = ((cpuMsOf(top.pid!) - topCpu0) / (performance.now() - topT0)) * 100
        sampler.close()
        floor.close()
        pidusage.clear()
        const value = pct(mean(ours))
        const floorValue = pct(mean(bare))
        const pidusageValue = pct(mean(theirs))
        const psValue = mean(psMs) / 10 // ms of CPU per second → % of a core
        const machine = Math.round(median(counts))
        const name = `monitor.system N=${machine}`
        const unit = '% of a core at 1 Hz'
        const note =
          `${sampler.reader.kind}, ${machine} processes (${kids.pids.length} sleepers added), ` +
          `${cpus().length} cores: mean ${mean(ours).toFixed(0)} µs/sample ` +
          `(median ${median(ours).toFixed(0)}), floor ${mean(bare).toFixed(0)} ` +
          `(median ${median(bare).toFixed(0)}), ${ticks} s`
        const vsTop = ratio(value, topValue)
        const vsFloor = ratio(value, floorValue)
        results.push(
          {
            id: `monitor.system.n${n}.top`,
            name,
            value,
            unit,
            baseline: 'procps top -b -d 1',
            baselineValue: topValue,
            ratio: vsTop,
            target: '≤ 0.5× top',
            met: vsTop !== null && vsTop <= 0.5,
            note
          },
          {
            id: `monitor.system.n${n}.ps`,
            name,
            value,
            unit,
            baseline: `ps ${PS_ARGS.join(' ')} once a second`,
            baselineValue: psValue,
            ratio: ratio(value, psValue),
            note: `ps: ${mean(psMs).toFixed(0)} ms CPU per run (10 ms resolution)`
          },
          {
            id: `monitor.system.n${n}.pidusage`,
            name,
            value,
            unit,
            baseline: 'pidusage, same pids',
            baselineValue: pidusageValue,
            ratio: ratio(value, pidusageValue)
          },
          {
            id: `monitor.system.n${n}.floor`,
            name,
            value,
            unit,
            baseline: 'bare loop: list /proc, read the same stat files and /proc/stat',
            baselineValue: floorValue,
            ratio: vsFloor,
            target: '≤ 1.15× floor',
            met: vsFloor !== null && vsFloor <= 1.15
          }
        )
      } finally {
        if (top && top.exitCode === null && top.signalCode === null) {
          const gone = once(top, 'exit')
          top.kill('SIGKILL')
          await gone
        }
        await kids.kill()
      }
    }
    return results
  }
}
