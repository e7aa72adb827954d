import { describe, expect, it } from 'vitest'
import { Reorder } from './Reorder'

describe('Reorder', () => {
  it('releases in time order after the window, ties in push order, late ones at the last time', () => {
    const r = new Reorder<string>(50)
    r.push(10, 'a')
    r.push(30, 'c')
    r.push(20, 'b')
    r.push(20, 'b2')
    r.push(100, 'e')
    expect(r.release(60).map(({ t, item }) => ({ t, item }))).toEqual([{ t: 10, item: 'a' }])
    expect(r.release(80).map((x) => x.item)).toEqual(['b', 'b2', 'c'])
    r.push(15, 'late') // older than what was released: goes out at once, at t = 30
    expect(r.release(80).map(({ t, item }) => ({ t, item }))).toEqual([{ t: 30, item: 'late' }])
    expect(r.late).toBe(1)
    expect(r.size).toBe(1)
    expect(r.release(0, true).map(({ t, item }) => ({ t, item }))).toEqual([{ t: 100, item: 'e' }])
    expect(r.size).toBe(0)
  })
})
