import { afterEach, describe, expect, it, vi } from 'vitest'
import { runInfo } from '../test/fakeApi'
import { poolRun, queueRun } from '../test/fixtures/synthetic'
import { ReplayCursor } from './replayCursor'
import type { RunStoreOptions } from './runStore'
import { RunStore } from './runStore'

/** Every store of a test is disposed after it (a replay's idle work must not reach the next). */
const stores: RunStore[] = []
const newStore = (options?: RunStoreOptions): RunStore => {
  const store = new RunStore(options)
  stores.push(store)
  return store
}
afterEach(() => {
  stores.splice(0).forEach((s) => s.dispose())
  vi.useRealTimers()
})

describe('RunStore', () => {
  it('tells listeners at most once per throttle interval', () => {
    vi.useFakeTimers()
    const store = newStore({ throttleMs: 100 })
    const listener = vi.fn()
    store.subscribe(listener)
    const events = poolRun(3, 30)
    for (let i = 0; i < events.length; i += 5)
      store.applyBatch({ runId: 'r', seq: i, events: events.slice(i, i + 5) })
    expect(listener).not.toHaveBeenCalled()
    vi.advanceTimersByTime(100)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot().runs.get('r')!.status).toBe('finished')
  })

  it('replays an opened trace: the views see the state at the scrubber time (synthetic)', () => {
    const store = newStore({ throttleMs: 0 })
    store.applyBatch({ runId: 'run-9', seq: 0, events: queueRun() })
    store.addRun(runInfo('run-9', { replay: true, status: 'finished', scenario: 'queue' }))
    const snap = () => store.getSnapshot()
    // Opened at its end: the whole run.
    expect(snap().replays.get('run-9')).toMatchObject({ t: 50, end: 50, playing: false })
    expect(snap().runs.get('run-9')!.verdict?.passed).toBe(true)

    store.seek('run-9', 15)
    const at15 = snap().runs.get('run-9')!
    expect(at15.series.queues.get('q')!.depth).toBe(1)
    expect(at15.series.queues.get('q')!.waiting).toBe(1)
    expect(at15.procs.get(1001)!.state).toBe('running')
    expect(at15.verdict).toBeNull()

    store.seek('run-9', 45)
    expect(snap().runs.get('run-9')!.procs.get(1001)!.state).toBe('exited')
    store.seek('run-9', 5) // backwards starts again from the beginning
    expect(snap().runs.get('run-9')!.series.queues.size).toBe(0)
  })

  it('plays a replay forward to its end, then stops', () => {
    vi.useFakeTimers()
    const store = newStore({ throttleMs: 0 })
    store.applyBatch({ runId: 'r', seq: 0, events: queueRun() })
    store.mergeInfos([runInfo('r', { replay: true })])
    store.togglePlay('r') // at the end: restarts from 0
    expect(store.getSnapshot().replays.get('r')).toMatchObject({ t: 0, playing: true })
    vi.advanceTimersByTime(100)
    expect(store.getSnapshot().replays.get('r')).toMatchObject({ t: 50, playing: false })
    store.dispose()
  })

  it('drops the event log of a live run once it knows it is live', () => {
    const store = newStore({ throttleMs: 0 })
    const unknown = vi.fn()
    const s2 = newStore({ throttleMs: 0, onUnknownRun: unknown })
    s2.applyBatch({ runId: 'x', seq: 0, events: queueRun() })
    expect(unknown).toHaveBeenCalledWith('x')
    store.addRun(runInfo('live'))
    store.applyBatch({ runId: 'live', seq: 0, events: queueRun() })
    expect(store.getSnapshot().replays.has('live')).toBe(false)
    store.seek('live', 1) // no-op for live runs
    expect(store.getSnapshot().runs.get('live')!.status).toBe('finished')
  })

  it('applies a huge batch in slices, in order with the batches after it (synthetic)', async () => {
    vi.useFakeTimers()
    const store = newStore({ throttleMs: 0 })
    const events = poolRun(5, 20_000, 1)
    const end = events.pop()!
    store.applyBatch({ runId: 'r', seq: 0, events })
    store.applyBatch({ runId: 'r', seq: 1, events: [end] })
    await vi.runAllTimersAsync()
    const run = store.getSnapshot().runs.get('r')!
    expect(run.series.tasks.started).toBe(20_000)
    expect(run.status).toBe('finished')
    expect(run.events).toBe(events.length + 1)
  })

  it('a replay opened at its end follows the rest of its events in (synthetic)', () => {
    // no yielding to the browser: the assertions below are synchronous (a loaded machine
    // would otherwise leave part of the batches for a later tick)
    const store = newStore({ throttleMs: 0, applyBudgetMs: Infinity })
    const events = poolRun(5, 20_000, 1)
    // the host's answer came first, then the trace's events in several batches
    store.mergeInfos([runInfo('r', { replay: true, status: 'finished' })])
    for (let i = 0, seq = 0; i < events.length; i += 10_000, seq++)
      store.applyBatch({ runId: 'r', seq, events: events.slice(i, i + 10_000) })
    const snap = store.getSnapshot()
    const end = events.at(-1)!.t
    expect(snap.replays.get('r')).toMatchObject({ t: end, end })
    expect(snap.runs.get('r')!.series.tasks.started).toBe(20_000)
    expect(snap.runs.get('r')!.status).toBe('finished')
    // a seek still shows the run as it was then
    store.seek('r', 25)
    expect(store.getSnapshot().runs.get('r')!.series.tasks.started).toBeLessThan(20_000)
  })

  it('a replay keeps every event for its scrubber, past the cap for runs not yet known (synthetic)', () => {
    const events = poolRun(5, 2_000, 1)
    const store = newStore({ throttleMs: 0, maxUnknownLog: 1000 })
    store.mergeInfos([runInfo('r', { replay: true, status: 'finished' })])
    for (let i = 0, seq = 0; i < events.length; i += 500, seq++)
      store.applyBatch({ runId: 'r', seq, events: events.slice(i, i + 500) })
    const lastStart = events.findLast((e) => e.type === 'task.start')!
    store.seek('r', lastStart.t)
    expect(store.getSnapshot().runs.get('r')!.series.tasks.started).toBe(2_000)
  })

  it("makes a replay's scrubber checkpoints while idle once all its events are in (synthetic)", async () => {
    vi.useFakeTimers()
    const prepare = vi.spyOn(ReplayCursor.prototype, 'prepare')
    const store = newStore({ throttleMs: 0, applyBudgetMs: Infinity })
    const events = poolRun(4, 3000, 1)
    store.mergeInfos([runInfo('r', { replay: true, status: 'finished' })])
    store.applyBatch({ runId: 'r', seq: 0, events: events.slice(0, 5000) })
    await vi.runAllTimersAsync()
    expect(prepare).not.toHaveBeenCalled() // not before the run's end is in
    store.applyBatch({ runId: 'r', seq: 1, events: events.slice(5000) })
    await vi.runAllTimersAsync()
    expect(prepare).toHaveBeenCalled()
    expect(prepare.mock.results.at(-1)!.value).toBe(false) // every checkpoint made
    store.seek('r', events.at(-1)!.t / 2)
    expect(store.getSnapshot().runs.get('r')!.series.tasks.started).toBeGreaterThan(0)
    prepare.mockRestore()
    store.dispose()
  })

  describe('memory budget', () => {
    /** A finished run of `n` tasks (about 2n + 10 events), applied under `id`. */
    const finished = (store: RunStore, id: string, n = 50): number => {
      const events = poolRun(2, n, 1)
      store.mergeInfos([runInfo(id, { status: 'finished', scenario: 'pool-map' })])
      store.applyBatch({ runId: id, seq: 0, events })
      return events.length
    }

    it('lets the oldest ended runs go past its event budget; live and selected runs stay', () => {
      const size = poolRun(2, 50, 1).length
      const store = newStore({ throttleMs: 0, applyBudgetMs: Infinity, keptEvents: 3 * size })
      finished(store, 'r1')
      store.select('r1') // the one shown stays, however old
      finished(store, 'r2')
      store.addRun(runInfo('live', { scenario: 'pool-map' }))
      store.applyBatch({ runId: 'live', seq: 0, events: poolRun(2, 50, 1).slice(0, -1) })
      store.select('r1')
      expect(store.getSnapshot().letGo.size).toBe(0) // 3 runs' worth, r1 selected, live live
      finished(store, 'r3')
      const snap = store.getSnapshot()
      expect(snap.letGo.get('r2')).toEqual({ byHost: false, byPage: true })
      expect(snap.letGo.has('r1')).toBe(false)
      expect(snap.letGo.has('live')).toBe(false)
      expect(snap.letGo.has('r3')).toBe(false)
      expect(store.heldEvents()).toBeLessThanOrEqual(3 * size)
      // what is left of it: listed, with its status and verdict, but no events
      const r2 = snap.runs.get('r2')!
      expect(r2).toMatchObject({ status: 'finished', scenario: 'pool-map', events: 0 })
      expect(r2.verdict?.passed).toBe(true)
      expect(r2.procs.size).toBe(0)
      expect(snap.order).toContain('r2')
      // once r1 is no longer shown, it is the next to go
      store.select('r3')
      finished(store, 'r4')
      expect(store.getSnapshot().letGo.get('r1')?.byPage).toBe(true)
    })

    it('a replay let go loses its scrubber and stays let go when its events come again', () => {
      const store = newStore({
        throttleMs: 0,
        applyBudgetMs: Infinity,
        keptEvents: queueRun().length
      })
      store.mergeInfos([runInfo('old', { replay: true, status: 'finished', scenario: 'queue' })])
      store.applyBatch({ runId: 'old', seq: 0, events: queueRun() })
      expect(store.getSnapshot().replays.has('old')).toBe(true)
      finished(store, 'new')
      store.select('new')
      expect(store.getSnapshot().letGo.get('old')?.byPage).toBe(true)
      expect(store.getSnapshot().replays.has('old')).toBe(false)
      // a resume after a reconnect sends the host's events again: they are not taken back
      store.applyBatch({ runId: 'old', seq: 0, events: queueRun() })
      store.mergeInfos([runInfo('old', { replay: true, status: 'finished', scenario: 'queue' })])
      expect(store.getSnapshot().runs.get('old')!.events).toBe(0)
      expect(store.getSnapshot().replays.has('old')).toBe(false)
    })

    it('marks a run the host let go, keeping what the page holds of it', () => {
      const store = newStore({ throttleMs: 0, applyBudgetMs: Infinity })
      const n = finished(store, 'r1')
      const listener = vi.fn()
      store.subscribe(listener)
      store.applyBatch({ runId: 'r1', seq: 1, events: [], forgotten: true })
      expect(listener).toHaveBeenCalled()
      expect(store.getSnapshot().letGo.get('r1')).toEqual({ byHost: true, byPage: false })
      expect(store.getSnapshot().runs.get('r1')!.events).toBe(n)
    })
  })
})
