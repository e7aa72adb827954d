// CPU % per process across ticks, as the monitor's ProcessStats does for a run's processes:
// running totals in, the change over the last tick out, null on a process's first tick. A
// row is keyed by PID and start time, so a reused PID starts over instead of inheriting.
import type { SystemProcess } from '../../../shared/system'
import { saturatingSub } from '../monitor/saturatingSub'
import type { SystemReading } from './SystemReader'

interface Totals {
  startedAt: number | null
  cpuTime: number
  at: number
}

export class SystemTable {
  private totals = new Map<number, Totals>()

  /** The readings of one tick taken at `now` (monotonic ms) as rows with CPU %. */
  update(readings: readonly SystemReading[], now: number): SystemProcess[] {
    const next = new Map<number, Totals>()
    const rows = readings.map((r): SystemProcess => {
      const { cpuTime, cpu: given, ...rest } = r
      let cpu = given ?? null
      if (cpuTime !== null) {
        const before = this.totals.get(r.pid)
        cpu =
          before && before.startedAt === r.startedAt && now > before.at
            ? (saturatingSub(cpuTime, before.cpuTime) / (now - before.at)) * 100
            : null
        next.set(r.pid, { startedAt: r.startedAt, cpuTime, at: now })
      }
      return { ...rest, cpu: cpu === null ? null : Math.round(cpu * 10) / 10 }
    })
    this.totals = next
    return rows
  }
}
