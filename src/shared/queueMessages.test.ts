import { describe, expect, it } from 'vitest'
import { QueueMessages } from './queueMessages'

describe('QueueMessages', () => {
  it('pairs each get with its put once, per queue', () => {
    const q = new QueueMessages<string>()
    q.put('a', 1, 'a1')
    q.put('b', 1, 'b1')
    q.put('a', 5000, 'a5000')
    expect(q.size).toBe(3)
    expect(q.take('a', 1)).toBe('a1')
    expect(q.take('a', 1)).toBeUndefined()
    expect(q.take('b', 2)).toBeUndefined()
    expect(q.take('a', 5000)).toBe('a5000')
    expect(q.size).toBe(1)
  })

  it('a copy and its original change apart, across shards, copy after copy', () => {
    const first = new QueueMessages<number>()
    for (let m = 0; m < 5000; m++) first.put('q', m, m)
    const second = first.clone()
    for (let m = 0; m < 2500; m++) expect(second.take('q', m)).toBe(m)
    second.put('q', 9000, 9000)
    // the original still holds what the copy took, and not what it put
    expect(first.size).toBe(5000)
    expect(first.take('q', 10)).toBe(10)
    expect(first.take('q', 9000)).toBeUndefined()
    // …and what the original does now does not reach the copy
    expect(second.take('q', 10)).toBeUndefined()
    expect(second.take('q', 4000)).toBe(4000)
    expect(first.take('q', 4000)).toBe(4000)
    const third = second.clone()
    expect(third.take('q', 4001)).toBe(4001)
    expect(second.take('q', 4001)).toBe(4001)
    expect(first.take('q', 4001)).toBe(4001)
    expect([first.size, second.size, third.size]).toEqual([4997, 2499, 2499])
  })
})
