import { describe, expect, it } from 'vitest'
import type { EventBatch, RunEvent } from '../../../shared/events'
import { Batcher } from './Batcher'

/** A run-like event source: a recorder the test appends to. */
function source(id = 'run-1'): { id: string; events: RunEvent[]; say(n: number): void } {
  const events: RunEvent[] = []
  return {
    id,
    events,
    say(n) {
      for (let i = 0; i < n; i++) {
        events.push({ t: events.length, type: 'stdout', pid: 1, text: `line ${events.length}` })
      }
    }
  }
}

describe('Batcher', () => {
  it('sends one batch per interval with every event since the last, in order, seq from 0', async () => {
    const b = new Batcher(20)
    const run = source()
    const got: EventBatch[] = []
    const waiters: (() => void)[] = []
    const nth = (n: number): Promise<void> =>
      new Promise((r) => (got.length >= n ? r() : waiters.push(r)))
    b.subscribe((batch) => {
      got.push(batch)
      waiters.splice(0).forEach((w) => w())
    })
    run.say(3)
    b.touch(run)
    run.say(2)
    b.touch(run) // same interval: same batch
    await nth(1)
    run.say(4)
    b.touch(run)
    await nth(2)
    expect(got.map((x) => [x.seq, x.events.length])).toEqual([
      [0, 5],
      [1, 4]
    ])
    expect(got.flatMap((x) => x.events)).toEqual(run.events)
    // resume: batches after seq 0 are rebuilt from the recorder, the same as sent
    expect(b.batchesSince(run, 0)).toEqual([got[1]])
    expect(b.batchesSince(run, -1)).toEqual(got)
    b.dispose()
  })

  it('cuts a burst into batches of at most maxBatchEvents', () => {
    const b = new Batcher(1000, 2)
    const run = source()
    const got: EventBatch[] = []
    b.subscribe((batch) => void got.push(batch))
    run.say(5)
    b.touch(run)
    b.flush()
    expect(got.map((x) => [x.seq, x.events.length])).toEqual([
      [0, 2],
      [1, 2],
      [2, 1]
    ])
    expect(got.flatMap((x) => x.events)).toEqual(run.events)
    expect(b.batchesSince(run, 0)).toEqual(got.slice(1))
    b.dispose()
  })

  it('streams recorded events to a busy subscriber at its pace: none dropped, live batches after, in order', async () => {
    const b = new Batcher(1000, 100)
    const opened = source('run-opened')
    const live = source('run-live')
    const got: EventBatch[] = []
    const releases: (() => void)[] = []
    const taken: number[] = [] // how many batches of the stream were rebuilt when each was handed over
    let rebuilt = 0
    const counting = {
      id: opened.id,
      get events() {
        return {
          get length() {
            return opened.events.length
          },
          slice: (a?: number, z?: number) => (rebuilt++, opened.events.slice(a, z))
        } as unknown as RunEvent[]
      }
    }
    b.subscribe(
      (batch) => {
        got.push(batch)
        if (batch.runId === opened.id) taken.push(rebuilt)
        return new Promise<void>((r) => releases.push(r)) // busy with every batch
      },
      { maxBacklog: 150 }
    )
    opened.say(1000) // ten times the backlog bound
    b.touch(counting)
    b.flush({ recorded: true })
    live.say(120) // two live batches queue behind the stream (within the bound)
    b.touch(live)
    b.flush()
    while (releases.length) {
      releases.shift()!()
      await new Promise((r) => setImmediate(r))
    }
    expect(got.map((x) => [x.runId, x.seq, x.events.length])).toEqual([
      ...[...Array(10).keys()].map((i) => ['run-opened', i, 100]),
      ['run-live', 0, 100],
      ['run-live', 1, 20]
    ])
    expect(got.slice(0, 10).flatMap((x) => x.events)).toEqual(opened.events)
    expect(got.some((x) => x.dropped)).toBe(false)
    // each batch of the stream was rebuilt from the recorder only when it was its turn
    expect(taken).toEqual([...Array(10).keys()].map((i) => i + 1))
    expect(b.batchesSince(opened, 4).map((x) => x.seq)).toEqual([5, 6, 7, 8, 9])
    b.dispose()
  })

  it('hands a new subscriber its history first, fixed when it subscribed, then the live batches', async () => {
    const b = new Batcher(1000, 2)
    const run = source()
    b.subscribe(() => undefined)
    run.say(5)
    b.touch(run)
    b.flush() // seq 0..2
    const got: EventBatch[] = []
    let release!: () => void
    b.subscribe(
      (batch) => {
        got.push(batch)
        if (got.length === 1) return new Promise<void>((r) => (release = r))
      },
      { history: b.eachBatchSince(run, 0) }
    )
    expect(got.map((x) => x.seq)).toEqual([1]) // busy with its first batch
    run.say(1)
    b.touch(run)
    b.flush() // seq 3, live: waits behind the history, and is not in it twice
    release()
    await new Promise((r) => setImmediate(r))
    expect(got.map((x) => x.seq)).toEqual([1, 2, 3])
    expect(got.flatMap((x) => x.events)).toEqual(run.events.slice(2))
    b.dispose()
  })

  it('bounds a busy subscriber’s backlog, counts what it missed, and keeps the run’s end', async () => {
    const b = new Batcher(1000)
    const run = source()
    const fast: EventBatch[] = []
    const slow: EventBatch[] = []
    let release!: () => void
    const busy = new Promise<void>((r) => (release = r))
    b.subscribe((batch) => void fast.push(batch))
    b.subscribe(
      (batch) => {
        slow.push(batch)
        return slow.length === 1 ? busy : undefined // busy with the first batch only
      },
      { maxBacklog: 100 }
    )
    b.subscribe(() => {
      throw new Error('a broken subscriber is its own problem')
    })
    for (let i = 0; i < 50; i++) {
      run.say(10)
      if (i === 49) {
        run.events.push({
          t: 999,
          type: 'run.end',
          status: 'finished',
          hostPid: process.pid,
          result: null,
          verdict: { passed: true, outcome: 'passed', checks: [] }
        })
      }
      b.touch(run)
      b.flush()
    }
    // the fast subscriber got everything; the slow one is still on its first batch
    expect(fast.flatMap((x) => x.events)).toEqual(run.events)
    expect(slow).toHaveLength(1)
    release()
    await busy
    await Promise.resolve()
    // 1 batch in hand + 10 waiting (100 events), then drops, then the kept run.end
    expect(slow.map((x) => x.seq)).toEqual([...Array(11).keys(), 49])
    const last = slow.at(-1)!
    expect(last.events.map((e) => e.type)).toEqual(['run.end'])
    expect(last.dropped).toBe(38 * 10 + 10)
    const received = slow.reduce((n, x) => n + x.events.length, 0)
    expect(received + last.dropped!).toBe(run.events.length)
    // after catching up, batches flow again, unmarked
    run.say(1)
    b.touch(run)
    b.flush()
    expect(slow.at(-1)).toMatchObject({ seq: 50, events: [{ text: 'line 501' }] })
    expect(slow.at(-1)!.dropped).toBeUndefined()
    // the recorder kept everything
    expect(b.batchesSince(run, -1).flatMap((x) => x.events)).toEqual(run.events)
    b.dispose()
  })
})
