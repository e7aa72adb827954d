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
  it.runIf(supported)('measures a child burning one core at about 100 % of one core', async () => {
    const child = await burner()
    const pid = child.pid!
    const snaps = await collect(monitor(makeReader()), [pid], 12)
    const rows = snaps.map((s) => s.procs.find((r) => r.pid === pid)!)
    // the host comes first, the watched process after it
    expect(snaps[0]!.procs.map((r) => r.pid)).toEqual([process.pid, pid])
    // first tick: no data yet, not 0 %
    expect(rows[0]!.cpu).toBeNull()
    expect(rows[0]!.cpuTime).not.toBeNull()
    const cpu = rows.slice(1).map((r) => r.cpu!)
    // 2 shared cores and a 10 ms clock tick: generous bounds around 100 %
    expect(mean(cpu)).toBeGreaterThan(60)
    expect(mean(cpu)).toBeLessThan(110)
    expect(rows.every((r) => r.alive && r.ppid === process.pid && r.rss! > 1e6)).toBe(true)
    // the cores carry at least the burner's load, and none is over 100 %
    const coreSums = snaps.slice(1).map((s) => s.cores.reduce<number>((a, c) => a + (c ?? 0), 0))
    expect(mean(coreSums)).toBeGreaterThan(mean(cpu) - 20)
    for (const s of snaps.slice(1)) {
      for (const c of s.cores) expect(c === null || (c >= 0 && c <= 100)).toBe(true)
    }
  })
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
