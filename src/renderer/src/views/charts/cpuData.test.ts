import { describe, expect, it } from 'vitest'
import { cpuRows, MAX_CHART_POINTS } from './cpuData'

const point = (t: number) => ({ t, cores: [1, 2], run: 3, host: 4 })

describe('cpuRows', () => {
  it('draws at most MAX_CHART_POINTS rows, the newest sample always included', () => {
    const points = Array.from({ length: 1001 }, (_, i) => point(i * 60))
    const { rows, cores } = cpuRows(points)
    expect(rows.length).toBeLessThanOrEqual(MAX_CHART_POINTS)
    expect(rows.at(-1)!.t).toBe(60)
    expect(rows.at(-1)).toMatchObject({ c0: 1, c1: 2, run: 3, host: 4 })
    expect(cores).toBe(2)
  })

  it('keeps every sample when there are few', () => {
    expect(cpuRows([point(0), point(100)]).rows).toHaveLength(2)
    expect(cpuRows([]).rows).toEqual([])
  })
})
