import { describe, expect, it } from 'vitest'
import type { Point } from '../../store/bounded'
import { decimateSteps } from './decimateSteps'

const series = (n: number, v: (i: number) => number): Point[] =>
  Array.from({ length: n }, (_, i) => ({ t: i, v: v(i) }))

describe('decimateSteps', () => {
  it('keeps few points as they are', () => {
    const s = series(10, (i) => i)
    expect(decimateSteps(s, 0, 10, 100)).toBe(s)
  })

  it('draws at most two points a bucket plus the ends, in time order', () => {
    const s = series(100_000, (i) => i % 7)
    const d = decimateSteps(s, 0, 100_000, 200)
    expect(d.length).toBeLessThanOrEqual(2 * 200 + 2)
    for (let i = 1; i < d.length; i++) expect(d[i]!.t).toBeGreaterThan(d[i - 1]!.t)
    expect(d.at(-1)).toBe(s.at(-1))
  })

  it('keeps a single-sample peak and trough', () => {
    const s = series(50_000, (i) => (i === 31_337 ? 99 : i === 4242 ? -5 : 10))
    const d = decimateSteps(s, 0, 50_000, 100)
    expect(d.some((p) => p.t === 31_337 && p.v === 99)).toBe(true)
    expect(d.some((p) => p.t === 4242 && p.v === -5)).toBe(true)
    expect(Math.max(...d.map((p) => p.v))).toBe(99)
  })

  it('carries in the value from before the window and drops what is after it', () => {
    const s = series(10_000, (i) => i)
    const d = decimateSteps(s, 5000, 6000, 10)
    expect(d[0]).toEqual({ t: 4999, v: 4999 })
    expect(d.every((p) => p.t <= 6000)).toBe(true)
  })
})
