import { cpus } from 'node:os'
import { describe, expect, it } from 'vitest'
import type { CoreTime } from './coreTimes'
import { createCoreSource, osCores, parseProcStat } from './coreTimes'
import { Machine } from './Machine'

const core = (busy: number, idle: number): CoreTime => ({ busy, total: busy + idle })

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

  it.each([
    ['this platform’s source', createCoreSource()],
    ['os.cpus()', osCores]
  ])(
    'reads the real machine through %s: one figure per core, each within 0–100 %%',
    async (_n, source) => {
      const m = new Machine(source)
      m.update()
      await new Promise((r) => setTimeout(r, 120))
      const cores = m.update()
      expect(cores).toHaveLength(cpus().length)
      for (const c of cores) if (c !== null) expect(c).toBeGreaterThanOrEqual(0)
      for (const c of cores) if (c !== null) expect(c).toBeLessThanOrEqual(100)
      m.close()
    }
  )

  it('parses /proc/stat: per-core lines only, iowait counted idle, steal and irq busy', () => {
    const text =
      'cpu  9 9 9 9 9 9 9 9 0 0\n' +
      'cpu0 100 10 50 800 40 5 3 2 7 0\n' +
      'cpu1 0 0 0 1000 0 0 0 0 0 0\n' +
      'intr 12345 1 2 3\n'
    expect(parseProcStat(Buffer.from(text))).toEqual([
      { busy: 170 * 10, total: 1010 * 10 },
      { busy: 0, total: 10000 }
    ])
    // a line cut off by the read buffer is left out rather than misread, even with all its
    // fields there (the last may be cut mid-number)
    expect(parseProcStat(Buffer.from('cpu0 1 2 3 4 5 6 7 8 0 0\ncpu1 1 2 3'))).toHaveLength(1)
    expect(
      parseProcStat(Buffer.from('cpu0 1 2 3 4 5 6 7 8 0 0\ncpu1 1 2 3 4 5 6 7 8'))
    ).toHaveLength(1)
    // only the first `len` bytes count
    const both = Buffer.from('cpu0 1 2 3 4 5 6 7 8 0 0\ncpu1 1 2 3 4 5 6 7 8 0 0\n')
    expect(parseProcStat(both, both.indexOf('\n') + 1)).toHaveLength(1)
    expect(parseProcStat(both)).toHaveLength(2)
  })
})
