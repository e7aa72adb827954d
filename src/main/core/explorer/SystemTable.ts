// CPU % per process across ticks, as the monitor's ProcessStats does for a run's processes:
// running totals in, the change over the last tick out, null on a process's first tick. A
// row is keyed by PID and start time, so a reused PID starts over instead of inheriting.
// Runs over every process of the machine each tick, so it works in place: each reading
// becomes its row (cpu filled in) and the totals are updated where they are (copying rows
// and building a new map per tick cost as much as the /proc reads at 1,000 processes, most
// of it in the garbage collector).
import type { SystemProcess } from '../../../shared/system'
import { saturatingSub } from '../monitor/saturatingSub'
import type { SystemReading } from './SystemReader'

interface Totals {
  startedAt: number | null
  cpuTime: number
  at: number
  /** The tick that last saw this process. */
  tick: number
}

export class SystemTable {
  private readonly totals = new Map<number, Totals>()
  private tick = 0

  /** The readings of one tick taken at `now` (monotonic ms), their CPU % filled in. A reading
   *  whose CPU % is set already is a row published before (a reader may hand back an unchanged
   *  process's row): it is never changed, but replaced by a copy if its % is not the same. */
  update(readings: SystemReading[], now: number): SystemProcess[] {
    const tick = ++this.tick
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i]!
      if (r.cpuTime === null) continue // the platform gave the % itself
      const before = this.totals.get(r.pid)
      const cpu =
        before && before.startedAt === r.startedAt && now > before.at
          ? (saturatingSub(r.cpuTime, before.cpuTime) / (now - before.at)) * 100
          : null
      const rounded = cpu === null ? null : Math.round(cpu * 10) / 10
      if (r.cpu === null) r.cpu = rounded
      else if (r.cpu !== rounded) readings[i] = { ...r, cpu: rounded }
      if (before) {
        before.startedAt = r.startedAt
        before.cpuTime = r.cpuTime
        before.at = now
        before.tick = tick
      } else this.totals.set(r.pid, { startedAt: r.startedAt, cpuTime: r.cpuTime, at: now, tick })
    }
    // forEach, not for-of over entries: no [pid, t] pair made per process per tick
    this.totals.forEach((t, pid) => {
      if (t.tick !== tick) this.totals.delete(pid)
    })
    return readings
  }
}
