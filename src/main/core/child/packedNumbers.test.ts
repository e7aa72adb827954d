import { describe, expect, it } from 'vitest'
import { lineWithPacked, PACK_MIN, packNumbers, splitPacked, unpackNumbers } from './packedNumbers'

/** What a JSON round trip gives: packing must give exactly that. */
const viaJson = (xs: unknown[]): unknown => JSON.parse(JSON.stringify(xs))

const roundTrip = (xs: unknown[]): number[] => {
  const p = packNumbers(xs)
  if (!p) throw new Error('not packed')
  return unpackNumbers(p.packed, p.data)
}

describe('packNumbers', () => {
  it('packs int32 values as i32 and gives them back as JSON would', () => {
    const xs = Array.from({ length: 200 }, (_, i) => (i - 100) * 21_474_836)
    xs[7] = -0
    xs[8] = 2 ** 31 - 1
    xs[9] = -(2 ** 31)
    expect(packNumbers(xs)?.packed).toBe('i32')
    const back = roundTrip(xs)
    expect(back).toEqual(viaJson(xs))
    expect(Object.is(back[7], 0)).toBe(true) // -0 comes back as 0, as from JSON
  })

  it('packs other finite numbers as f64, exactly (doubles, big integers, -0)', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i * 0.1)
    xs.push(2 ** 31, 99_999 ** 2, Number.MAX_SAFE_INTEGER, -1e308, 5e-324, -0, 1 / 3)
    expect(packNumbers(xs)?.packed).toBe('f64')
    const back = roundTrip(xs)
    expect(back).toEqual(viaJson(xs))
    expect(Object.is(back.at(-2), 0)).toBe(true)
  })

  it('refuses what JSON would change or is not a number, and short arrays', () => {
    const base = Array.from({ length: PACK_MIN }, (_, i) => i)
    expect(packNumbers(base)).not.toBeNull()
    expect(packNumbers(base.slice(1))).toBeNull()
    for (const odd of [NaN, Infinity, -Infinity, '1', null, undefined, [1], { x: 1 }, true]) {
      const xs: unknown[] = [...base]
      xs[5] = odd
      expect(packNumbers(xs)).toBeNull()
    }
    const holey: unknown[] = [...base]
    holey[PACK_MIN + 3] = 1 // leaves holes, which JSON writes as null
    expect(packNumbers(holey)).toBeNull()
    expect(packNumbers([1, 2, 3], 1)?.packed).toBe('i32')
  })

  it('packs and unpacks in turn, small and past the kept scratch size (1 MiB)', () => {
    for (const n of [1, 3, 17, 600, 5000, 200_000, 2, 140_000]) {
      const xs = Array.from({ length: n }, (_, i) => i + 0.5)
      const ys = Array.from({ length: n }, (_, i) => -i)
      const p = packNumbers(xs, 1)!
      const q = packNumbers(ys, 1)!
      expect(unpackNumbers(p.packed, p.data)).toEqual(xs)
      expect(unpackNumbers(q.packed, q.data)).toEqual(ys.map((y) => y + 0))
    }
  })

  it('refuses data that is not a packing', () => {
    expect(() => unpackNumbers('f64', 'AAAA')).toThrow(/3 bytes is not a whole number/)
    expect(() => unpackNumbers('i16' as never, '')).toThrow(/unknown number packing "i16"/)
    expect(unpackNumbers('i32', '')).toEqual([])
  })

  it('carries packed data after a tab outside the JSON; other lines are left whole', () => {
    const p = packNumbers([1.5, 2.5], 1)!
    const json = JSON.stringify({ type: 'result', id: 1, packed: p.packed })
    expect(splitPacked(lineWithPacked(json, p.data))).toEqual({ json, data: p.data })
    // A tab inside a JSON string is escaped by JSON.stringify: no raw tab, the line is whole.
    const withTab = JSON.stringify({ type: 'out', text: 'a\tb' })
    expect(splitPacked(withTab)).toEqual({ json: withTab })
    expect(splitPacked('not json')).toEqual({ json: 'not json' })
    expect(splitPacked(lineWithPacked('{}', ''))).toEqual({ json: '{}', data: '' })
  })
})
