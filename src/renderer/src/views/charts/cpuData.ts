// Chart rows for the CPU view, derived from the run's rolling window of samples.
import type { CpuPoint } from '../../store/seriesModel'

export type CpuRow = Record<string, number | null> & { t: number }

export function cpuRows(points: readonly CpuPoint[]): { rows: CpuRow[]; cores: number } {
  let cores = 0
  const rows = points.map((p) => {
    cores = Math.max(cores, p.cores.length)
    const row: CpuRow = { t: p.t / 1000, run: p.run, host: p.host }
    p.cores.forEach((v, i) => (row[`c${i}`] = v))
    return row
  })
  return { rows, cores }
}
