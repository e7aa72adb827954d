// The host keeps ended runs within an event budget, not a count: past it the oldest ended runs
// are let go, subscribers are told (a batch with `forgotten`), live runs and the newest stay.
import { afterEach, describe, expect, it } from 'vitest'
import type { EventBatch } from '../../../shared/events'
import { DEFAULT_KEPT_EVENTS, KEPT_EVENTS_ENV, parseKeptEvents } from './KeptRuns'
import { PoolScopeService } from './PoolScopeService'

const services: PoolScopeService[] = []
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.shutdown()))
})

/** The native trace of one short hello run (and how many events it holds). */
async function withTrace(): Promise<{ content: string; size: number }> {
  const service = new PoolScopeService()
  services.push(service)
  const run = service.startRun('hello', { pace: 0.1 })
  await run.done
  const { content } = await service.call('exportRun', { runId: run.id, format: 'native' })
  return { content, size: run.events.length }
}

describe('run history within an event budget', () => {
  it('lets the oldest ended runs go past the budget, and tells subscribers', async () => {
    const { content, size } = await withTrace()
    // a second service with room for 3 such runs (and a bit)
    const small = new PoolScopeService({ keptEvents: Math.floor(size * 3.5) })
    services.push(small)
    const batches: EventBatch[] = []
    small.subscribe((b) => void batches.push(b))
    const ids: string[] = []
    for (let i = 0; i < 6; i++)
      ids.push((await small.call('openTrace', { fileName: `t${i}.json`, content })).id)
    await new Promise((r) => setTimeout(r, 100)) // the streams of opened traces go out
    const kept = (await small.call('listRuns', undefined)).map((r) => r.id)
    expect(kept).toEqual(ids.slice(3))
    const forgotten = batches.filter((b) => b.forgotten).map((b) => b.runId)
    expect(forgotten).toEqual(ids.slice(0, 3))
    // the notice comes after the run's own batches, with a later seq, and holds no events
    for (const id of forgotten) {
      const mine = batches.filter((b) => b.runId === id)
      expect(mine.at(-1)).toMatchObject({ forgotten: true, events: [] })
      expect(mine.at(-1)!.seq).toBeGreaterThan(mine.at(-2)!.seq)
    }
    await expect(small.call('exportRun', { runId: ids[0]!, format: 'native' })).rejects.toThrow(
      `no run with id '${ids[0]}'`
    )
  })

  it('keeps the newest run even alone over the budget, and never a live one', async () => {
    const { content } = await withTrace()
    const tiny = new PoolScopeService({ keptEvents: 1 })
    services.push(tiny)
    const live = tiny.startRun('hello', { pace: 5 })
    const opened = await tiny.call('openTrace', { fileName: 'big.json', content })
    let ids = (await tiny.call('listRuns', undefined)).map((r) => r.id)
    expect(ids).toEqual([live.id, opened.id]) // live stays; the newest stays
    await live.stop()
    const next = await tiny.call('openTrace', { fileName: 'next.json', content })
    ids = (await tiny.call('listRuns', undefined)).map((r) => r.id)
    expect(ids).toEqual([next.id])
  })

  it('the budget: a constructor option, else POOLSCOPE_KEPT_EVENTS, else 5,000,000', () => {
    expect(DEFAULT_KEPT_EVENTS).toBe(5_000_000)
    expect(parseKeptEvents(undefined)).toBe(DEFAULT_KEPT_EVENTS)
    expect(parseKeptEvents('')).toBe(DEFAULT_KEPT_EVENTS)
    expect(parseKeptEvents('250000')).toBe(250_000)
    expect(() => parseKeptEvents('5e6')).toThrow(
      `${KEPT_EVENTS_ENV}: expected a whole number of events, got '5e6'`
    )
    expect(() => parseKeptEvents('-1', '--kept-events')).toThrow('--kept-events:')
    process.env[KEPT_EVENTS_ENV] = 'lots'
    try {
      expect(() => new PoolScopeService()).toThrow(`${KEPT_EVENTS_ENV}: expected a whole number`)
    } finally {
      delete process.env[KEPT_EVENTS_ENV]
    }
  })
})
