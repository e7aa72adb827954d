import { readdirSync, readlinkSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { Process } from '../primitives/Process'
import { Monitor } from './Monitor'
import { PidusageReader } from './PidusageReader'
import type { ProcReader } from './ProcReader'
import { ProcfsReader } from './ProcfsReader'
import type { Snapshot } from './Sampler'

const monitors: Monitor[] = []
const procs: Process[] = []
afterEach(async () => {
  await Promise.all(monitors.splice(0).map((m) => m.close()))
  for (const p of procs.splice(0)) {
    p.kill()
    await p.join()
  }
})

function monitor(reader?: ProcReader, liveHz = 10): Monitor {
  const m = new Monitor({ liveHz, reader })
  monitors.push(m)
  return m
}

async function burner(ms = 20_000, ignoreSigterm = false): Promise<Process> {
  const p = new Process({ task: 'burn', args: [ms, ignoreSigterm] })
  procs.push(p)
  await p.start()
  return p
}

/** Collects `n` scheduled snapshots of `pids` from a new watch, then closes it. */
async function collect(m: Monitor, pids: number[], n: number): Promise<Snapshot[]> {
  const got: Snapshot[] = []
  let done!: () => void
  const enough = new Promise<void>((r) => (done = r))
  const watch = m.watch({
    pids: () => pids,
    onSnapshot: (s) => {
      got.push(structuredClone(s))
      if (got.length === n) done()
    }
  })
  await enough
  await watch.close()
  return got
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

const readers: [string, () => ProcReader, boolean][] = [
  ['procfs (Linux fast path)', () => new ProcfsReader(), process.platform === 'linux'],
  ['pidusage (portable path)', () => new PidusageReader(), true]
]

describe.each(readers)('Monitor with %s', (_name, makeReader, supported) => {
  it.runIf(supported)(
    'measures a child burning one core as the CPU share the child itself saw (≈100 % when a core is free)',
    async () => {
      const child = await burner(1500)
      const pid = child.pid!
      const snaps: Snapshot[] = []
      const watch = monitor(makeReader()).watch({
        pids: () => [pid],
        onSnapshot: (s) => snaps.push(structuredClone(s))
      })
      await child.join()
      await watch.close()
      // the child's own account: CPU time it got while burning, over the wall time it took
      const own = child.result as { cpuMs: number; wallMs: number }
      const ownShare = (own.cpuMs / own.wallMs) * 100
      const rows = snaps.map((s) => s.procs.find((r) => r.pid === pid)!)
      // the host comes first, the watched process after it
      expect(snaps[0]!.procs.map((r) => r.pid)).toEqual([process.pid, pid])
      // first tick: no data yet, not 0 %
      expect(rows[0]!.cpu).toBeNull()
      expect(rows[0]!.cpuTime).not.toBeNull()
      const alive = rows.filter((r) => r.alive && r.cpu !== null)
      expect(alive.length).toBeGreaterThanOrEqual(8)
      expect(alive.every((r) => r.ppid === process.pid && r.rss! > 1e6)).toBe(true)
      const first = rows[0]!
      const last = alive.at(-1)!
      const share = ((last.cpuTime! - first.cpuTime!) / (last.readAt! - first.readAt!)) * 100
      // 2 shared cores, 10 ms clock ticks, windows that differ by start-up: generous bounds
      expect(Math.abs(share - ownShare)).toBeLessThan(20)
      expect(share).toBeLessThan(110)
      const perTick = alive.map((r) => r.cpu!)
      expect(Math.abs(mean(perTick) - ownShare)).toBeLessThan(20)
      // the cores carry at least the burner's load, and none is over 100 %
      const coreSums = snaps.slice(1).map((s) => s.cores.reduce<number>((a, c) => a + (c ?? 0), 0))
      expect(mean(coreSums)).toBeGreaterThan(mean(perTick) - 20)
      for (const s of snaps.slice(1)) {
        for (const c of s.cores) expect(c === null || (c >= 0 && c <= 100)).toBe(true)
      }
      console.info(
        `${_name}: sampler ${share.toFixed(1)} %, child's own account ${ownShare.toFixed(1)} %`
      )
    }
  )
})

describe('Monitor', () => {
  it('marks an exited process with its code until the watch closes, then drops it', async () => {
    const m = monitor()
    const hello = new Process({ task: 'hello' })
    await hello.start()
    await hello.join()
    const watch = m.watch({ pids: () => [hello.pid!], onSnapshot: () => {} })
    watch.exited(hello.pid!, hello.exitCode, null)
    const last = await watch.close(true)
    expect(last?.procs.find((r) => r.pid === hello.pid)).toMatchObject({
      alive: false,
      exitCode: 0,
      cpu: null
    })
    expect(m.sampler.table.get(hello.pid!)).toBeUndefined()
    expect(m.sampler.table.get(process.pid)).toBeDefined()
  })

  it.runIf(process.platform === 'linux')(
    'closes the descriptor of a process once it is known to have exited',
    async () => {
      const child = await burner()
      const reader = new ProcfsReader()
      const m = new Monitor({ reader })
      monitors.push(m)
      const watch = m.watch({ pids: () => [child.pid!], onSnapshot: () => {} })
      await m.sampleNow()
      const statOpen = (): boolean =>
        readdirSync('/proc/self/fd').some((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`) === `/proc/${child.pid}/stat`
          } catch {
            return false // the directory's own descriptor, gone once listed
          }
        })
      expect(statOpen()).toBe(true) // kept open between ticks
      child.kill()
      await child.join()
      watch.exited(child.pid!, child.exitCode, child.signal)
      expect(statOpen()).toBe(false)
      expect(m.sampler.table.get(child.pid!)).toMatchObject({ signal: 'SIGKILL' })
      await watch.close()
    }
  )

  it('reports a process that vanished as not alive', async () => {
    const child = await burner()
    const m = monitor()
    const pid = child.pid!
    const snaps: Snapshot[] = []
    const watch = m.watch({ pids: () => [pid], onSnapshot: (s) => snaps.push(s) })
    await m.sampleNow()
    child.kill()
    await child.join()
    const after = await m.sampleNow()
    expect(after.procs.find((r) => r.pid === pid)).toMatchObject({ alive: false, cpu: null })
    await watch.close()
  })

  it('ticks at the live pace while watched and at the idle pace otherwise', async () => {
    const m = new Monitor({ liveHz: 20, idleHz: 0.5 })
    monitors.push(m)
    m.start()
    expect(m.rateHz).toBe(0.5)
    const t0 = performance.now()
    // at the idle pace 3 ticks would take 6 s; the watch switches to 20 Hz at once
    await collect(m, [], 3)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(m.rateHz).toBe(0.5)
    expect(m.latest?.procs[0]?.pid).toBe(process.pid)
  })

  it('refuses a rate that is not a positive number of ticks per second, naming it', () => {
    expect(() => new Monitor({ liveHz: 0 })).toThrow(/liveHz must be ticks per second/)
    expect(() => new Monitor({ idleHz: Number.NaN })).toThrow(/idleHz/)
    expect(() => new Monitor({ liveHz: 1000 })).toThrow(/liveHz/)
  })
})
