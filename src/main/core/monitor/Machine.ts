// htop's Machine: per-core utilisation from running totals (CoreTime), as the change over
// the last tick. A core seen for the first time has no data yet (null, not 0).
import type { CoreSource, CoreTime } from './coreTimes'
import { createCoreSource } from './coreTimes'
import { saturatingSub } from './saturatingSub'

export class Machine {
  /** Running totals per core at the last update, ms. */
  private coreTime: CoreTime[] = []
  /** Busy % of each core over the last tick; null where there is no data yet. */
  cores: (number | null)[] = []

  constructor(readonly source: CoreSource = createCoreSource()) {}

  update(next: readonly CoreTime[] = this.source.read()): (number | null)[] {
    this.cores = next.map((now, i) => {
      const before = this.coreTime[i]
      if (!before) return null
      const totalPeriod = saturatingSub(now.total, before.total)
      // Two ticks closer than the kernel's accounting granularity measure nothing.
      if (totalPeriod === 0) return null
      return Math.min(100, (saturatingSub(now.busy, before.busy) / totalPeriod) * 100)
    })
    this.coreTime = [...next]
    return this.cores
  }

  close(): void {
    this.source.close()
  }
}
