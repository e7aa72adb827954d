import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { queueRecorded } from '../test/fixtures/recordedRuns'
import { MAX_LINKS, MAX_MARKS, applyQueueMarks, emptyQueueMarks } from './queueMarks'

describe('queueMarks', () => {
  it('marks each put and get with its depth after, links each get to its put (recorded)', () => {
    const s = applyQueueMarks(emptyQueueMarks, queueRecorded)
    expect(s.totals).toEqual({ puts: 3, gets: 2 })
    expect(s.marks.map((m) => [m.op, m.msg, m.depth])).toEqual([
      ['put', 1, 1],
      ['put', 2, 2],
      ['get', 1, 1],
      ['put', 3, 2],
      ['get', 2, 1]
    ])
    expect(s.links.map((l) => [l.msg, l.from, l.to])).toEqual([
      [1, 28376, 28356],
      [2, 28395, 28356]
    ])
    // the unread third message is still waiting for its get
    expect(s.pending.size).toBe(1)
  })

  it('pairs across batches and leaves the earlier state as it was', () => {
    const first = applyQueueMarks(emptyQueueMarks, queueRecorded.slice(0, 10))
    const pendingBefore = first.pending.size
    const all = applyQueueMarks(first, queueRecorded.slice(10))
    expect(all.links).toHaveLength(2)
    expect(first.pending.size).toBe(pendingBefore)
  })

  it('stays bounded on a long run', () => {
    const ev: RunEvent[] = []
    for (let i = 1; i <= 5000; i++) {
      ev.push({ t: i, type: 'queue.put', queue: 'q', pid: 2, msg: i })
      ev.push({ t: i + 0.5, type: 'queue.get', queue: 'q', pid: 3, msg: i })
    }
    const s = applyQueueMarks(emptyQueueMarks, ev)
    expect(s.marks).toHaveLength(MAX_MARKS)
    expect(s.links).toHaveLength(MAX_LINKS)
    expect(s.totals).toEqual({ puts: 5000, gets: 5000 })
    expect(s.pending.size).toBe(0)
  })
})
