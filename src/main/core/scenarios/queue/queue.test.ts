import { describe, expect, it } from 'vitest'
import {
  checkNamed,
  expectHealthyRun,
  runScenario
} from '../../../../../test/core/scenarios/runScenario'

describe('scenario: queue', () => {
  it('defaults (3 senders, 2 reads): one message is left unread', async () => {
    const r = await runScenario('queue')
    expectHealthyRun(r)
    expect((r.run.result as { left: number }).left).toBe(1)
    const depths = r.events.filter((e) => e.type === 'queue.depth' && e.queue === 'queue')
    expect(depths.at(-1)).toMatchObject({ depth: 1 })
    expect(Math.max(...depths.map((d) => (d.type === 'queue.depth' ? d.depth : 0)))).toBe(3)
    console.log(`queue defaults: ${r.ms.toFixed(0)} ms`)
  })

  it('maxsize=1 shows put blocking: a sender waits while the queue is full', async () => {
    const r = await runScenario('queue', { maxsize: 1 })
    expectHealthyRun(r)
    const waits = r.events.filter((e) => e.type === 'queue.wait' && e.op === 'put')
    expect(waits.length).toBeGreaterThan(0)
    const senders = new Set(r.events.flatMap((e) => (e.type === 'proc.spawn' ? [e.pid] : [])))
    for (const w of waits) expect(senders.has(w.type === 'queue.wait' ? w.pid : 0)).toBe(true)
    // a blocked put went in only after a get made room
    const blocked = r.events.findIndex((e) => e.type === 'queue.put' && e.blocked)
    const firstGet = r.events.findIndex((e) => e.type === 'queue.get')
    expect(blocked).toBeGreaterThan(firstGet)
    expect(checkNamed(r, 'queue.full').note).toBeUndefined()
  })

  it('senders=4, reads=1, maxsize=2: blocked senders give up when the host is done', async () => {
    const r = await runScenario('queue', { senders: 4, reads: 1, maxsize: 2 })
    expectHealthyRun(r)
    expect(r.run.result).toMatchObject({ left: 2, blockedSendersGaveUp: 1 })
  })

  it('reads > senders: the host stops when nothing can come instead of hanging', async () => {
    const r = await runScenario('queue', { senders: 2, reads: 3 })
    expectHealthyRun(r)
    expect(r.run.result).toMatchObject({ left: 0 })
  })
})
