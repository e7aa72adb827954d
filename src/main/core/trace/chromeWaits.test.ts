import { describe, expect, it } from 'vitest'
import { ChromeWaits } from './chromeWaits'

describe('ChromeWaits', () => {
  it('counts waiters per channel and pairs each end with its begin', () => {
    const waits = new ChromeWaits()
    expect(waits.begin('lock', 'a', 1, 'wait a', 1)).toMatchObject({ ph: 'b', id: 1, pid: 1 })
    expect(waits.begin('lock', 'a', 1, 'wait a', 2)).toBeUndefined() // already waiting
    expect(waits.begin('lock', 'a', 2, 'wait a', 3)).toMatchObject({ ph: 'b', id: 2, pid: 2 })
    expect(waits.begin('queue', 'a', 1, 'wait put a', 3)).toMatchObject({ id: 3 })
    expect(waits.waiting('lock', 'a')).toBe(2)
    expect(waits.waiting('queue', 'a')).toBe(1)
    expect(waits.waiting('lock', 'b')).toBe(0)
    expect(waits.end('lock', 'a', 1, 4, { timeout: true })).toEqual({
      name: 'wait a',
      cat: 'lock',
      ph: 'e',
      id: 1,
      pid: 1,
      tid: 1,
      ts: 4000,
      args: { timeout: true }
    })
    expect(waits.end('lock', 'a', 1, 5)).toBeUndefined() // no longer waiting
    expect(waits.end('lock', 'b', 1, 5)).toBeUndefined() // never waited there
    expect(waits.waiting('lock', 'a')).toBe(1)
    // Waiting again after an end is a new wait.
    expect(waits.begin('lock', 'a', 1, 'wait a', 6)).toMatchObject({ ph: 'b', id: 4 })
  })

  it('closes what is still open at the end, in the order the waits began', () => {
    const waits = new ChromeWaits()
    waits.begin('lock', 'x', 1, 'wait x', 0) // id 1
    waits.begin('queue', 'q', 2, 'wait get q', 0) // id 2
    waits.begin('lock', 'y', 3, 'wait y', 0) // id 3
    waits.begin('lock', 'x', 4, 'wait x', 0) // id 4
    waits.end('lock', 'x', 1, 1)
    waits.begin('lock', 'x', 1, 'wait x', 2) // id 5
    const closed = [...waits.closeAll(9)]
    expect(closed.map((e) => [e.id, e.cat, e.pid])).toEqual([
      [2, 'queue', 2],
      [3, 'lock', 3],
      [4, 'lock', 4],
      [5, 'lock', 1]
    ])
    expect(closed.every((e) => e.ph === 'e' && e.ts === 9000)).toBe(true)
    expect(closed[0]!.args).toEqual({ ended: 'run ended' })
    expect([...waits.closeAll(10)]).toEqual([])
  })
})
