// htop's Machine: per-core utilisation from the running totals os.cpus() reports, as the
// change over the last tick. A core seen for the first time has no data yet (null, not 0).
import type { CpuInfo } from 'node:os'
import { cpus } from 'node:os'
import { saturatingSub } from './saturatingSub'

interface CoreTime {
  busy: number
  total: number
}

export class Machine {
  /** Running totals per core at the last update, ms. */
  private coreTime: CoreTime[] = []
  /** Busy % of each core over the last tick; null where there is no data yet. */
  cores: (number | null)[] = []

  update(infos: readonly CpuInfo[] = cpus()): (number | null)[] {
    const next = infos.map(({ times: t }): CoreTime => {
      const total = t.user + t.nice + t.sys + t.idle + t.irq
      return { busy: total - t.idle, total }
    })
    this.cores = next.map((now, i) => {
      const before = this.coreTime[i]
      if (!before) return null
      const totalPeriod = saturatingSub(now.total, before.total)
      // Two ticks closer than the kernel's accounting granularity measure nothing.
      if (totalPeriod === 0) return null
      return Math.min(100, (saturatingSub(now.busy, before.busy) / totalPeriod) * 100)
    })
    this.coreTime = next
    return this.cores
  }
}
