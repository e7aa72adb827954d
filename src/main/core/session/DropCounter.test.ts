import { describe, expect, it } from 'vitest'
import type { EventBatch, RunEvent } from '../../../shared/events'
import { DropCounter } from './DropCounter'

const out = (i: number): RunEvent => ({ t: i, type: 'stdout', pid: 1, text: `${i}` })
const batch = (runId: string, seq: number, events: RunEvent[]): EventBatch => ({
  runId,
  seq,
  events
})

describe('DropCounter', () => {
  it('reports drops on the next batch of the same run only, then starts again from 0', () => {
    const d = new DropCounter()
    expect(d.drop(batch('a', 0, [out(0), out(1)]))).toBeNull()
    expect(d.drop(batch('b', 0, [out(0)]))).toBeNull()
    expect(d.mark(batch('a', 1, [out(2)]))).toMatchObject({ seq: 1, dropped: 2 })
    expect(d.mark(batch('a', 2, [out(3)])).dropped).toBeUndefined()
    expect(d.mark(batch('b', 1, [out(1)]))).toMatchObject({ runId: 'b', dropped: 1 })
    expect(d.total).toBe(3)
  })

  it('never drops a run’s start or end: they go out with the count so far', () => {
    const d = new DropCounter()
    const start: RunEvent = {
      t: 0,
      type: 'run.start',
      scenario: 'hello',
      params: {},
      hostPid: process.pid
    }
    const kept = d.drop(batch('a', 0, [start, out(1), out(2)]))
    expect(kept).toEqual({ runId: 'a', seq: 0, events: [start], dropped: 2 })
  })
})
