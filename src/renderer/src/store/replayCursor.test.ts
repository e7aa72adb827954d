import { describe, expect, it } from 'vitest'
import { poolRun } from '../test/fixtures/synthetic'
import { ReplayCursor } from './replayCursor'
import { applyEvents, emptyRun } from './runState'

describe('ReplayCursor', () => {
  it('gives the state at any time, moving back and forth, as applying every event up to it does (synthetic)', () => {
    const events = poolRun(4, 3000, 1)
    expect(events.length).toBeGreaterThan(3 * 2000) // past three checkpoints
    const cursor = new ReplayCursor('r', events)
    const sorted = [...events].sort((a, b) => a.t - b.t)
    const end = sorted.at(-1)!.t
    let seed = 7
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * end
    // forward to the end first (checkpoints made), then jumps in every direction
    const prepared = new ReplayCursor('r', events)
    let slices = 0
    while (prepared.prepare(0)) slices++ // one checkpoint per call with no time to spare
    expect(slices).toBeGreaterThanOrEqual(3)
    for (const t of [
      end,
      0,
      end / 2,
      end / 3,
      end,
      end * 0.9,
      1,
      ...Array.from({ length: 12 }, random)
    ]) {
      const want = applyEvents(
        emptyRun('r'),
        sorted.filter((e) => e.t <= t)
      )
      expect(prepared.at(t)).toEqual(cursor.at(t))
      const got = cursor.at(t)
      expect(got.events).toBe(want.events)
      expect(got.series.tasks).toEqual(want.series.tasks)
      expect([...got.procs.values()]).toEqual([...want.procs.values()])
      expect(got.console).toEqual(want.console)
      expect(got.timeline).toEqual(want.timeline)
    }
  })
})
