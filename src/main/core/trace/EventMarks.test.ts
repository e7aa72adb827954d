import { describe, expect, it } from 'vitest'
import { EventMarks } from './EventMarks'

describe('EventMarks', () => {
  it('gives each mark back once, at its index, in a sweep', () => {
    const marks = new EventMarks<string>()
    marks.add(0, 'a')
    marks.add(3, 'b')
    marks.add(3, 'c')
    marks.add(7, 'd')
    expect(marks.size).toBe(4)
    const seen: [number, string][] = []
    for (let i = 0; i < 10; i++)
      for (let v = marks.take(i); v !== undefined; v = marks.take(i)) seen.push([i, v])
    expect(seen).toEqual([
      [0, 'a'],
      [3, 'b'],
      [3, 'c'],
      [7, 'd']
    ])
  })

  it('passes over marks at indices the sweep did not ask for', () => {
    const marks = new EventMarks<number>()
    marks.add(2, 20)
    marks.add(5, 50)
    expect(marks.take(4)).toBeUndefined()
    expect(marks.take(5)).toBe(50)
    expect(marks.take(5)).toBeUndefined()
  })

  it('refuses a decreasing index', () => {
    const marks = new EventMarks<number>()
    marks.add(4, 1)
    expect(() => marks.add(3, 2)).toThrow(/event index 3 added after 4/)
  })
})
