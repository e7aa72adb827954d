import { cpus } from 'node:os'
import { describe, expect, it } from 'vitest'
import type { EventOf, RunEvent } from '../../../shared/events'
import { RunEventSchema } from '../../../shared/events'
import { Run } from './Run'
import { newMonitor } from '../../../../test/core/session/testMonitor'
import { testProgram } from '../../../../test/core/session/testProgram'

const samplesOf = (events: readonly RunEvent[]): EventOf<'sample'>[] =>
  events.filter((e): e is EventOf<'sample'> => e.type === 'sample')

describe('sampling in a run', () => {
  it('samples the host and the run’s processes while it is live; the last sample precedes run.end', async () => {
    const run = new Run(
      'run-s1',
      testProgram(async (ctx) => {
        const p = ctx.process({ task: 'burn', args: [1500], name: 'burner' })
        await p.start()
        await p.join()
        return { pid: p.pid, own: p.result }
      }),
      {},
      () => {},
      newMonitor()
    )
    await run.start().done
    const events = run.events.slice()
    for (const e of events) RunEventSchema.parse(e)
    expect(events.at(-1)?.type).toBe('run.end')
    const samples = samplesOf(events)
    expect(samples.length).toBeGreaterThanOrEqual(8)
    expect(events.lastIndexOf(samples.at(-1)!)).toBe(events.length - 2)
    for (const s of samples) {
      expect(s.cores).toHaveLength(cpus().length)
      expect(s.procs[0]).toMatchObject({ pid: process.pid, ppid: process.ppid })
    }
    const { pid, own } = run.result as { pid: number; own: { cpuMs: number; wallMs: number } }
    const exitAt = events.findIndex((e) => e.type === 'proc.exit' && e.pid === pid)
    const withChild = samples.filter((s) => s.procs.some((p) => p.pid === pid))
    // the child shows up only while it is alive, its first figure is "no data yet"
    expect(withChild.every((s) => events.indexOf(s) < exitAt)).toBe(true)
    const cpu = withChild.map((s) => s.procs.find((p) => p.pid === pid)!.cpu)
    expect(cpu[0]).toBeNull()
    // between start-up and exit, the figures match the share of a core the child saw itself
    const burning = cpu.slice(2, -1) as number[]
    const mean = burning.reduce((a, b) => a + b, 0) / burning.length
    expect(Math.abs(mean - (own.cpuMs / own.wallMs) * 100)).toBeLessThan(25)
    expect(mean).toBeLessThan(110)
    // the last sample, taken after the child exited, has the host only
    expect(samples.at(-1)!.procs.map((p) => p.pid)).toEqual([process.pid])
  })

  it('keeps exited processes in the table, marked with their code, until the run ends', async () => {
    const monitor = newMonitor()
    let rowsDuring: ReturnType<NonNullable<Run['sampling']>['rows']> = []
    const run: Run = new Run(
      'run-s2',
      testProgram(async (ctx) => {
        const ok = ctx.process({ task: 'hello', name: 'ok' })
        const killed = ctx.process({ task: 'burn', args: [20_000], name: 'killed' })
        await Promise.all([ok.start(), killed.start()])
        killed.kill()
        await Promise.all([ok.join(), killed.join()])
        await monitor.sampleNow()
        rowsDuring = run.sampling!.rows()
        return { ok: ok.pid, killed: killed.pid }
      }),
      {},
      () => {},
      monitor
    )
    await run.start().done
    const pids = run.result as { ok: number; killed: number }
    expect(rowsDuring.find((r) => r.pid === pids.ok)).toMatchObject({
      alive: false,
      exitCode: 0,
      signal: null
    })
    expect(rowsDuring.find((r) => r.pid === pids.killed)).toMatchObject({
      alive: false,
      exitCode: null,
      signal: 'SIGKILL'
    })
    // the run has ended: its rows are gone, the host's stays with the monitor
    expect(run.sampling!.rows().map((r) => r.pid)).toEqual([process.pid])
    expect(monitor.sampler.table.get(pids.ok)).toBeUndefined()
  })

  it('keeps two runs’ processes apart, sampling both with one monitor', async () => {
    const monitor = newMonitor()
    const program = testProgram(async (ctx) => {
      const p = ctx.process({ task: 'burn', args: [800] })
      await p.start()
      await p.join()
      return p.pid
    })
    const a = new Run('run-a', program, {}, () => {}, monitor).start()
    const b = new Run('run-b', program, {}, () => {}, monitor).start()
    expect(monitor.watchCount).toBe(2)
    await Promise.all([a.done, b.done])
    expect(monitor.watchCount).toBe(0)
    expect(a.result).not.toBe(b.result)
    for (const [run, other] of [
      [a, b],
      [b, a]
    ] as const) {
      const seen = new Set(samplesOf(run.events.slice()).flatMap((s) => s.procs.map((p) => p.pid)))
      expect(seen).toContain(run.result)
      expect(seen).not.toContain(other.result)
      expect([...seen].every((pid) => pid === process.pid || pid === run.result)).toBe(true)
    }
  })
})
