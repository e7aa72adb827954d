// monitor.system: the explorer's whole-machine sample (SystemSampler: every process of the
// machine and its cores) at 1 Hz with N processes on the machine (raised with idle sleepers),
// as % of one core, against in the same run, at the same rate: procps `top -b -d 1` (its own
// CPU time), `ps -eo` with the explorer's columns once a second (the CPU of each ps, from this
// process's reaped-children time), pidusage on every PID, and the bare floor: a loop that
// lists /proc and reads the same files (stat kept open; a new process's command line and
// owner once) and /proc/stat, nothing parsed; and that floor with each stat line parsed, the
// least any reader of these fields does (reported, no target). A second bare loop, identical
// to the first, is measured beside it: its ratio to the first is the run's own noise (this VM's
// host takes the cores away at random, and the time is charged to whichever process runs),
// the band inside which a ratio to the floor says nothing.
// Ours, the floors and pidusage each run in a node process of their own, measured over the
// window by that process's CPU time, as top is: in one process, one contender's garbage was
// collected (and charged) during another's step. One more such process samples nothing; its
// cost (a node process woken once a second over a pipe, ~1 ms/s here) is taken off the others.
// Targets at each N: ≤ 0.5× top, ≤ 1.15× the floor.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { MS_PER_CLOCK_TICK } from '../src/main/core/monitor/clockTick'
import { readable } from '../src/main/core/monitor/readable'
import { ContenderProcess } from './contenderProcess'
import { machinePids } from './procFloor'
import type { Bench, BenchResult } from './harness'
import { mean, median, ratio } from './harness'
import { idleChildren } from './idleChildren'
import type { Contender, Gcs } from './systemContender'

const SIZES = [300, 1000]
/** The explorer's columns, as ps names them. */
const PS_ARGS = ['-eo', 'pid,ppid,user,stat,nlwp,pcpu,rss,lstart,args']
/** Seconds of 1 Hz ticks before the window, at least and at most: start-up is no part of
 *  sampling. At 1 Hz V8's optimising compiler is done with the hot paths by tick ~20
 *  (--trace-opt); its memory reducer collects a new node process's start-up heap (one or two
 *  mark-compacts, 10-60 ms) once its allocation has been low for a while, 17 to 33 s after it
 *  started here (--trace-gc). The window opens once every contender has had its first
 *  mark-compact (the GCs in the window are reported). */
const SETTLE_TICKS = { min: 25, max: 40 }

/** CPU time of a process so far, ms: its own, or (`reaped`) that of its waited-for children. */
function cpuMsOf(pid: number | 'self', reaped = false): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'latin1')
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const [a, b] = reaped ? [f[13], f[14]] : [f[11], f[12]]
  return (Number(a) + Number(b)) * MS_PER_CLOCK_TICK
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

/** A contender's collections in the window, as the note shows them. */
const gcText = (kind: string, g: Gcs): string =>
  `${kind} ${g.major} major, ${g.minor} minor, ${g.ms.toFixed(0)} ms`

/** 0 … n − 1 in a random order (Fisher–Yates). */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
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
    // 60 ticks gave ratios from 0.90 to 1.30 for the same code at N≈300: the noise shrinks
    // with the square root of the window
    const ticks = long ? 180 : 10
    const results: BenchResult[] = []
    for (const n of SIZES) {
      const kids = await idleChildren(
        Math.max(0, n - machinePids().length),
        (long ? 900 : 300) + SETTLE_TICKS.max
      )
      let top: ChildProcess | undefined
      const procs: ContenderProcess[] = []
      try {
        const kinds: Contender[] = ['ours', 'floor', 'twin', 'parsed', 'pidusage', 'idle']
        for (const kind of kinds) procs.push(await ContenderProcess.spawn(kind))
        const [ours, floor, twin, parsed, theirs, idle] = procs as [
          ContenderProcess,
          ContenderProcess,
          ContenderProcess,
          ContenderProcess,
          ContenderProcess,
          ContenderProcess
        ]
        // -n: it ends by itself, even if this benchmark is killed
        top = spawn('top', ['-b', '-d', '1', '-n', String(SETTLE_TICKS.max + ticks + 5)], {
          stdio: 'ignore'
        })
        const psMs: number[] = []
        const counts: number[] = []
        // this second's tick of each (its processes listed, its CPU)
        const now = { ours: { listed: 0, us: 0 }, floor: { listed: 0, us: 0 }, twin: { us: 0 } }
        const steps = [
          async (): Promise<void> => void (now.ours = await ours.tick()),
          async (): Promise<void> => void (now.floor = await floor.tick()),
          async (): Promise<void> => void (now.twin = await twin.tick()),
          async (): Promise<void> => void (await parsed.tick()),
          async (): Promise<void> => void (await theirs.tick()),
          async (): Promise<void> => void (await idle.tick()),
          async (): Promise<void> => {
            const before = cpuMsOf('self', true)
            await runPs()
            psMs.push(cpuMsOf('self', true) - before)
          }
        ]
        let second = 0
        const oneSecond = async (): Promise<void> => {
          const start = performance.now()
          // in turn, in a new random order each second. A fixed cycle gave each contender the
          // same predecessor every second: ours always came after ps, which evicts the caches,
          // and the floor after ours, which had just read the same files (a twin run right after
          // the floor was 0.93× it, paired by second)
          for (const k of shuffled(steps.length)) await steps[k]!()
          second++
          // every process, every tick: no figure from a partial sample
          if (now.ours.listed < now.floor.listed * 0.9)
            throw new Error(
              `the sampler listed ${now.ours.listed} processes, the floor ${now.floor.listed}`
            )
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - start))))
        }
        const settled = async (): Promise<boolean> => {
          for (const p of procs) if ((await p.gcs()).major === 0) return false
          return true
        }
        while (second < SETTLE_TICKS.min || (second < SETTLE_TICKS.max && !(await settled())))
          await oneSecond()
        const settle = second
        psMs.length = 0
        for (const p of procs) await p.start()
        const topCpu0 = cpuMsOf(top.pid!)
        const topT0 = performance.now()
        // each second's tick against the floor's of the same second: what drifts over the
        // window (the host's load) moves both
        const paired = { ours: [] as number[], twin: [] as number[] }
        for (let i = 0; i < ticks; i++) {
          await oneSecond()
          counts.push(now.ours.listed)
          paired.ours.push(now.ours.us / now.floor.us)
          paired.twin.push(now.twin.us / now.floor.us)
        }
        const topValue = ((cpuMsOf(top.pid!) - topCpu0) / (performance.now() - topT0)) * 100
        const stopped = await Promise.all(procs.map((p) => p.stop()))
        const [oursUs, floorUs, twinUs, parsedUs, theirUs, idleUs] = stopped.map(
          (s) => s.cpuUs
        ) as [number, number, number, number, number, number]
        // µs per sample, the idle process's cost taken off
        const perSample = (us: number): number => (us - idleUs) / ticks
        const value = pct(perSample(oursUs))
        const floorValue = pct(perSample(floorUs))
        const twinValue = pct(perSample(twinUs))
        const parsedValue = pct(perSample(parsedUs))
        const pidusageValue = pct(perSample(theirUs))
        const psValue = mean(psMs) / 10 // ms of CPU per second → % of a core
        const machine = Math.round(median(counts))
        const name = `monitor.system N=${machine}`
        const unit = '% of a core at 1 Hz'
        const note =
          `${kids.pids.length} sleepers added, ${cpus().length} cores, ${ticks} s: ` +
          `${perSample(oursUs).toFixed(0)} µs/sample, floor ${perSample(floorUs).toFixed(0)}, ` +
          `each in its own process less that of one sampling nothing ` +
          `(${(idleUs / ticks).toFixed(0)} µs/s); inside the ticks ` +
          `${(stopped[0]!.tickUs / ticks).toFixed(0)} and ${(stopped[1]!.tickUs / ticks).toFixed(0)}, ` +
          `median tick ${stopped[0]!.tickMedianUs.toFixed(0)} and ${stopped[1]!.tickMedianUs.toFixed(0)} ` +
          `(${ratio(stopped[0]!.tickMedianUs, stopped[1]!.tickMedianUs)?.toFixed(2)}×); ` +
          `tick against the floor's of the same second, median ${median(paired.ours).toFixed(2)}× ` +
          `(the twin's ${median(paired.twin).toFixed(2)}×); ` +
          `on the main thread ${(stopped[0]!.mainUs / ticks).toFixed(0)} and ` +
          `${(stopped[1]!.mainUs / ticks).toFixed(0)} µs/s (idle's ${(stopped[5]!.mainUs / ticks).toFixed(0)}) ` +
          `of ${(oursUs / ticks).toFixed(0)} and ${(floorUs / ticks).toFixed(0)} in all; ` +
          `after ${settle} s; GCs in the window: ` +
          stopped.map((s, k) => gcText(kinds[k]!, s.gcs)).join('; ')
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
            baseline: 'pidusage, every pid',
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
          },
          {
            id: `monitor.system.n${n}.twin`,
            name: `${name}, the run's noise`,
            value: twinValue,
            unit,
            baseline: 'the bare loop again: a second, identical contender',
            baselineValue: floorValue,
            ratio: ratio(twinValue, floorValue),
            note:
              `median tick ${stopped[2]!.tickMedianUs.toFixed(0)} µs against ` +
              `${stopped[1]!.tickMedianUs.toFixed(0)}`
          },
          {
            id: `monitor.system.n${n}.parsed`,
            name,
            value,
            unit,
            baseline: 'the bare loop, each stat line also parsed (statLine), nothing kept',
            baselineValue: parsedValue,
            ratio: ratio(value, parsedValue),
            note: `${ratio(parsedValue, floorValue)?.toFixed(2)}× the bare loop`
          }
        )
      } finally {
        for (const p of procs) await p.kill()
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
