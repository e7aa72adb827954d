// Chart rows for the CPU view, derived from the run's rolling window of samples. At most
// MAX_CHART_POINTS rows are drawn (every k-th sample, the newest always), so a fast sampler
// does not make the chart slower to draw.
import type { CpuPoint } from '../../store/seriesModel'

export const MAX_CHART_POINTS = 300

export type CpuRow = Record<string, number | null> & { t: number }

export function cpuRows(points: readonly CpuPoint[]): { rows: CpuRow[]; cores: number } {
  let cores = 0
  const stride = Math.ceil(points.length / MAX_CHART_POINTS)
  const rows: CpuRow[] = []
  for (let i = (points.length - 1) % stride; i < points.length; i += stride) {
    const p = points[i]!
    cores = Math.max(cores, p.cores.length)
    const row: CpuRow = { t: p.t / 1000, run: p.run, host: p.host }
    p.cores.forEach((v, c) => (row[`c${c}`] = v))
    rows.push(row)
  }
  return { rows, cores }
}
