import { describe, expect, it } from 'vitest'
import { Lock } from './Lock'
import { Process } from './Process'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'

describe('Lock', () => {
  it('is FIFO fair across processes: waiters get it in the order they asked', async () => {
    const rec = recordEvents()
    const lock = new Lock({ name: 'L', sink: rec.sink })
    expect(await lock.acquire()).toBe(true)
    const procs: Process[] = []
    for (let i = 0; i < 3; i++) {
      const p = new Process({ task: 'holdLock', args: [lock, 5], sink: rec.sink })
      await p.start()
      await rec.waitFor((e) => e.type === 'lock.wait' && e.pid === p.pid)
      procs.push(p)
    }
    expect(lock.waiting()).toBe(3)
    lock.release()
    await Promise.all(procs.map((p) => p.join()))
    expect(procs.map((p) => p.result)).toEqual([true, true, true])
    const acquires = rec.of('lock.acquire').map((e) => e.pid)
    expect(acquires).toEqual([process.pid, ...procs.map((p) => p.pid)])
    // Hold spans never overlap: every acquire follows the previous holder's release.
    const seq = rec.events.filter((e) => e.type === 'lock.acquire' || e.type === 'lock.release')
    expect(seq.map((e) => e.type)).toEqual([
      'lock.acquire',
      'lock.release',
      'lock.acquire',
      'lock.release',
      'lock.acquire',
      'lock.release',
      'lock.acquire',
      'lock.release'
    ])
  })

  it('is released as abandoned when its holder dies, and the next waiter gets it', async () => {
    const rec = recordEvents()
    const lock = new Lock({ name: 'L', sink: rec.sink })
    const holder = new Process({ task: 'holdLock', args: [lock, 60_000], sink: rec.sink })
    await holder.start()
    await rec.waitFor((e) => e.type === 'lock.acquire')
    const next = new Process({ task: 'holdLock', args: [lock, 1], sink: rec.sink })
    await next.start()
    await rec.waitFor((e) => e.type === 'lock.wait' && e.pid === next.pid)
    process.kill(holder.pid!, 'SIGKILL')
    await next.join()
    await holder.join()
    expect(next.result).toBe(true)
    expect(rec.of('lock.release')[0]).toMatchObject({ pid: holder.pid, abandoned: true })
    expect(rec.of('lock.acquire').map((e) => e.pid)).toEqual([holder.pid, next.pid])
    expect(lock.locked()).toBe(false)
  })

  it('acquire with a timeout gives up with false, in a child and in the host', async () => {
    const rec = recordEvents()
    const lock = new Lock({ sink: rec.sink })
    await lock.acquire()
    const p = new Process({ task: 'holdLock', args: [lock, 1, 30], sink: rec.sink })
    await p.start()
    await p.join()
    expect(p.result).toBe(false)
    expect(rec.of('lock.timeout').map((e) => e.pid)).toEqual([p.pid])
    expect(await lock.acquire(10)).toBe(false)
    lock.release()
    expect(lock.locked()).toBe(false)
  })

  it('output written under the lock never interleaves (the `lock` scenario)', async () => {
    const rec = recordEvents()
    const lock = new Lock({ name: 'print', sink: rec.sink })
    const procs = [0, 1, 2].map(
      (i) => new Process({ task: 'printLine', args: [i, 4, 3, lock], sink: rec.sink })
    )
    await Promise.all(procs.map((p) => p.start()))
    await Promise.all(procs.map((p) => p.join()))
    const writers = rec.of('stdout').map((e) => e.pid)
    expect(writers.length).toBeGreaterThanOrEqual(12)
    // Contiguous runs: each process's pieces come together.
    const runs = writers.filter((pid, i) => i === 0 || writers[i - 1] !== pid)
    expect(runs).toHaveLength(3)
    // Every write happens while its writer holds the lock.
    let holder: number | null = null
    for (const e of rec.events) {
      if (e.type === 'lock.acquire') holder = e.pid
      if (e.type === 'lock.release') holder = null
      if (e.type === 'stdout') expect(e.pid).toBe(holder)
    }
  })

  it('refuses a release by the host when it does not hold it, and a negative timeout', () => {
    const lock = new Lock({ name: 'x' })
    expect(() => lock.release()).toThrow(/lock 'x': release\(\) by the host/)
    expect(() => lock.acquire(-1)).toThrow(/timeoutMs must be a non-negative/)
  })
})
