// hotWire, the fast check of the frequent shim messages, never accepts what WireSchema refuses
// and gives what it gives: every field of every frequent message set to odd values, dropped,
// or joined by a stray field.
import { describe, expect, it } from 'vitest'
import { hotWire, parseWire, WireSchema } from './wire'

const BASE: Record<string, unknown>[] = [
  { type: 'queue.put', ns: 5, queue: 'q12', pid: 42, msg: 0, depth: 3 },
  { type: 'queue.put', ns: 5, queue: 'q12', pid: 42, msg: 0, depth: -1, blocked: true, n: 9 },
  { type: 'queue.get', ns: 5, queue: 'q12', pid: 42, msg: 0, depth: 0, n: 2 },
  { type: 'lock.acquire', ns: 5, lock: 'L/mp-x', pid: 42 },
  { type: 'lock.release', ns: 5, lock: 'L42:7', pid: 42, n: 3 },
  { type: 'pipe.send', ns: 5, pipe: 'p9', pid: 42, bytes: 20 },
  { type: 'pipe.recv', ns: 5, pipe: 'p9', pid: 42, bytes: 0, n: 4 }
]

const ODD: unknown[] = [
  -1,
  0,
  1,
  1.5,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  '',
  'x',
  'x'.repeat(257),
  true,
  false,
  null,
  [],
  {},
  'queue.put',
  'sample'
]

function variants(base: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  const keys = [...Object.keys(base), 'n', 'blocked', 'abandoned', 'msg', 'count', 'bytes', 'extra']
  for (const key of keys) {
    const { [key]: _dropped, ...rest } = base
    out.push(rest)
    for (const v of ODD) out.push({ ...base, [key]: v })
  }
  return out
}

describe('hotWire', () => {
  it('accepts the usual frequent messages as they are', () => {
    for (const m of BASE) expect(hotWire(m)).toBe(m)
  })

  it('accepts nothing the schema refuses, and gives what the schema gives', () => {
    let accepted = 0
    let tried = 0
    for (const base of BASE) {
      for (const v of variants(base)) {
        tried++
        const fast = hotWire(v)
        const slow = WireSchema.safeParse(v)
        if (fast === undefined) continue
        accepted++
        expect(slow.success, JSON.stringify(v)).toBe(true)
        expect(slow.data).toEqual(fast)
      }
    }
    expect(tried).toBeGreaterThan(700)
    expect(accepted).toBeGreaterThan(50) // the odd values that are fine (0, 1, …) pass too
  })

  it('leaves other messages, and bad ones, to the schema (parseWire still names the error)', () => {
    expect(hotWire({ type: 'proc.spawn', ns: 1, pid: 1, ppid: 1, name: 'x', role: 'y' })).toBe(
      undefined
    )
    const bad = parseWire('{"type":"queue.put","ns":5,"queue":"q1","pid":0,"msg":0,"depth":1}')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/pid/)
    const good = parseWire('{"type":"queue.get","ns":5,"queue":"q1","pid":7,"msg":0,"depth":1}')
    expect(good).toEqual({
      ok: true,
      msg: { type: 'queue.get', ns: 5, queue: 'q1', pid: 7, msg: 0, depth: 1 }
    })
  })
})
