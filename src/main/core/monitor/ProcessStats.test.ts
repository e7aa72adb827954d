import { describe, expect, it } from 'vitest'
import type { ProcReading } from './ProcReader'
import { ProcessStats } from './ProcessStats'

const reading = (pid: number, cpuTime: number, rss = 1000): ProcReading => ({
  pid,
  ppid: 1,
  cpuTime,
  rss,
  alive: true
})
const readings = (...rs: ProcReading[]): Map<number, ProcReading> =>
  new Map(rs.map((r) => [r.pid, r]))

describe('ProcessStats', () => {
  it('has no CPU figure on a process’s first tick, then % of one core over the tick', () => {
    const table = new ProcessStats()
    table.update([7], readings(reading(7, 1000)), 0)
    expect(table.get(7)).toMatchObject({ cpu: null, cpuPeriod: null, cpuTime: 1000, rss: 1000 })
    table.update([7], readings(reading(7, 1050, 2000)), 100)
    expect(table.get(7)).toMatchObject({ cpu: 50, cpuPeriod: 50, cpuTime: 1050, rss: 2000 })
  })

  it('saturates a running total that went backwards to a period of 0', () => {
    const table = new ProcessStats()
    table.update([7], readings(reading(7, 1000)), 0)
    table.update([7], readings(reading(7, 900)), 100)
    expect(table.get(7)).toMatchObject({ cpu: 0, cpuPeriod: 0, cpuTime: 900 })
  })

  it('marks a process without a reading as not alive, with no CPU figure', () => {
    const table = new ProcessStats()
    table.update([7], readings(reading(7, 0)), 0)
    table.update([7], readings(), 100)
    expect(table.get(7)).toMatchObject({ alive: false, cpu: null, rss: 1000 })
  })

  it('keeps an exited process, marked with its code, and ignores its PID afterwards', () => {
    const table = new ProcessStats()
    table.update([7, 8], readings(reading(7, 0), reading(8, 0)), 0)
    table.markExited(7, 3, null)
    table.markExited(8, null, 'SIGKILL')
    // a new process under a reused PID is not the one that exited
    table.update([7], readings(reading(7, 50_000)), 100)
    expect(table.get(7)).toMatchObject({ alive: false, exitCode: 3, cpu: null, cpuTime: 0 })
    expect(table.get(8)).toMatchObject({ alive: false, exitCode: null, signal: 'SIGKILL' })
    expect(table.size).toBe(2)
    table.remove(7)
    expect(table.get(7)).toBeUndefined()
  })
})
