import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { lockRecorded, queueRecorded } from '../test/fixtures/recordedRuns'
import { lockRun, pipeRun, poolRun } from '../test/fixtures/synthetic'
import { MAX_MOVES, applyDiagram, emptyDiagram } from './diagramModel'
import { ReplayCursor } from './replayCursor'
import { applyEvents, emptyRun } from './runState'

const upTo = (events: readonly RunEvent[], t: number) =>
  applyEvents(
    emptyRun('r'),
    events.filter((e) => e.t <= t)
  ).diagram

describe('diagramModel', () => {
  it('a recorded queue run: depth against maxsize, senders in, the host out, the blocked put waits (recorded)', () => {
    const host = 28356
    const d = upTo(queueRecorded, Infinity)
    const q = d.channels.get('queue:queue')!
    expect(q).toMatchObject({ kind: 'queue', depth: 1, maxsize: 2, messages: 3, readers: [host] })
    expect(q.writers).toEqual([28376, 28395, 28412])
    expect(q.waiters).toEqual([])
    // the third sender waited on the full queue until the host's first get made room
    const wait = queueRecorded.find((e) => e.type === 'queue.wait')!
    expect(upTo(queueRecorded, wait.t).channels.get('queue:queue')).toMatchObject({
      depth: 2,
      waiters: [28412]
    })
  })

  it('a recorded lock run: the holder changes as acquire and release say (recorded)', () => {
    const locks = lockRecorded.flatMap((e) =>
      e.type === 'lock.acquire' || e.type === 'lock.release' ? [e] : []
    )
    expect(locks.length).toBe(6)
    for (const e of locks) {
      const l = upTo(lockRecorded, e.t).channels.get('lock:lock')!
      expect(l.holder).toBe(e.type === 'lock.acquire' ? e.pid : null)
    }
    // the one that asked while another held it waited, and stopped waiting when it got it
    const wait = lockRecorded.find((e) => e.type === 'lock.wait')!
    expect(upTo(lockRecorded, wait.t).channels.get('lock:lock')!.waiters).toEqual([28451])
    expect(upTo(lockRecorded, Infinity).channels.get('lock:lock')).toMatchObject({
      holder: null,
      waiters: [],
      messages: 3
    })
  })

  it('keeps a lock’s waiters in the order they began (synthetic)', () => {
    const ev = lockRun()
    expect(upTo(ev, 10).channels.get('lock:print')!.waiters).toEqual([1001, 1002, 1003])
    expect(upTo(ev, 11).channels.get('lock:print')).toMatchObject({
      holder: 1001,
      waiters: [1002, 1003]
    })
    expect(upTo(ev, 21).channels.get('lock:print')).toMatchObject({
      holder: 1002,
      waiters: [1003]
    })
  })

  it('a pipe: both ends, the message and who closed (synthetic)', () => {
    const p = upTo(pipeRun(), Infinity).channels.get('pipe:p')!
    expect(p).toMatchObject({ writers: [1001, 1002], messages: 1, closed: [1001] })
  })

  it('a pool: workers, the backlog falling as tasks start, tasks running (synthetic)', () => {
    const ev = poolRun(3, 20, 5)
    const queued = upTo(ev, 10).channels.get('pool')!
    expect(queued).toMatchObject({ kind: 'pool', depth: 20, running: 0 })
    const later = upTo(ev, 20).channels.get('pool')!
    expect(later.depth).toBe(17)
    expect(later.running).toBe(3)
    expect(later.readers).toEqual([1001, 1002, 1003])
    expect(upTo(ev, Infinity).channels.get('pool')).toMatchObject({ depth: 0, running: 0 })
  })

  it('aggregates a burst of movements into one that counts them, and stays bounded', () => {
    const ev: RunEvent[] = []
    for (let i = 0; i < 2000; i++)
      ev.push({ t: i / 100, type: 'pipe.send', pipe: 'p', pid: 5, bytes: 8, msg: i })
    const d = applyDiagram(emptyDiagram, ev)
    // 20 ms of sends: one bucket
    expect(d.moves).toHaveLength(1)
    expect(d.moves[0]).toMatchObject({ channel: 'pipe:p', pid: 5, dir: 'in', count: 2000 })
    // spread over time, the oldest drop out
    const spread = ev.map((e, i) => ({ ...e, t: i * 1000 }))
    expect(applyDiagram(emptyDiagram, spread).moves).toHaveLength(MAX_MOVES)
  })

  it('a replay seek gives the diagram that applying the events up to that time gives (recorded)', () => {
    const cursor = new ReplayCursor('r', queueRecorded)
    const times = queueRecorded.map((e) => e.t)
    const end = Math.max(...times)
    for (const t of [end, 0, times[8]!, end / 2, times[20]!, end, 1]) {
      expect(cursor.at(t).diagram).toEqual(upTo(queueRecorded, t))
    }
  })
})
