import { describe, expect, it } from 'vitest'
import type { Arrow } from '../../store/timelineModel'
import { arrowLines, tickColumns } from './timelineLayout'

describe('tickColumns', () => {
  it('one column per pixel with output, per lane, inside the window only', () => {
    const ticks = [
      ...Array.from({ length: 10_000 }, (_, i) => ({ pid: 1, t: i / 10 })),
      { pid: 2, t: 500 },
      { pid: 2, t: 2000 }
    ]
    const cols = tickColumns(ticks, { start: 0, end: 1000 }, 100)
    // 0 … 100 px: the window's both edges are columns
    expect(cols.get(1)).toHaveLength(101)
    expect(cols.get(2)).toEqual([50])
  })
})

describe('arrowLines', () => {
  const arrow = (tSend: number, tRecv: number, from = 1, to = 2): Arrow => ({
    pipe: 'p',
    from,
    to,
    tSend,
    tRecv,
    bytes: 10,
    count: 1
  })

  it('arrows on the same pixels become one line counting their messages', () => {
    const lines = arrowLines(
      [arrow(100, 200), arrow(100.1, 200.1), arrow(100, 200, 2, 1), arrow(600, 700)],
      { start: 0, end: 1000 },
      100
    )
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatchObject({ from: 1, to: 2, x1: 10, x2: 20, count: 2, bytes: 20 })
  })

  it('keeps an arrow with one end in the window, drops one wholly outside', () => {
    const lines = arrowLines([arrow(50, 150), arrow(10, 20)], { start: 100, end: 200 }, 100)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.x1).toBeLessThan(0)
  })
})
