import type { CpuInfo } from 'node:os'
import { cpus } from 'node:os'
import { describe, expect, it } from 'vitest'
import { Machine } from './Machine'

const core = (busy: number, idle: number): CpuInfo => ({
  model: 'test',
  speed: 0,
  times: { user: busy, nice: 0, sys: 0, idle, irq: 0 }
})

describe('Machine', () => {
  it('reports no data on the first tick, then busy % per core over the tick', () => {
    const m = new Machine()
    expect(m.update([core(100, 900), core(0, 1000)])).toEqual([null, null])
    expect(m.update([core(150, 950), core(100, 1000)])).toEqual([50, 100])
  })

  it('saturates a counter that went backwards to 0 instead of going negative', () => {
    const m = new Machine()
    m.update([core(500, 500)])
    // busy went down (e.g. a core was reset) while idle went up
    expect(m.update([core(400, 700)])).toEqual([0])
  })

  it('has no data for a tick too short to measure, nor for a core that appeared', () => {
    const m = new Machine()
    m.update([core(10, 10)])
    expect(m.update([core(10, 10), core(5, 5)])).toEqual([null, null])
  })

  it('reads the real machine: one figure per core, each within 0–100 %', async () => {
    const m = new Machine()
    m.update()
    await new Promise((r) => setTimeout(r, 120))
    const cores = m.update()
    expect(cores).toHaveLength(cpus().length)
    for (const c of cores) if (c !== null) expect(c).toBeGreaterThanOrEqual(0)
    for (const c of cores) if (c !== null) expect(c).toBeLessThanOrEqual(100)
  })
})
