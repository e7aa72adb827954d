import { describe, expect, it } from 'vitest'
import { Process } from './Process'
import { Queue } from './Queue'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'

describe('Queue', () => {
  it('is FIFO in the host, with put/get/depth events carrying the PID', async () => {
    const rec = recordEvents()
    const q = new Queue({ name: 'q', sink: rec.sink })
    await q.put('a')
    await q.put({ b: 2 })
    expect(q.qsize()).toBe(2)
    expect(await q.get()).toBe('a')
    expect(await q.get()).toEqual({ b: 2 })
    expect(q.empty()).toBe(true)
    expect(rec.of('queue.put').map((e) => [e.pid, e.msg])).toEqual([
      [process.pid, 1],
      [process.pid, 2]
    ])
    expect(rec.of('queue.depth').map((e) => e.depth)).toEqual([1, 2, 1, 0])
    expect(rec.of('queue.depth').some((e) => 'maxsize' in e)).toBe(false)
  })

  it('children put, the host gets 2 of 3: one message is left (the tutorial)', async () => {
    const rec = recordEvents()
    const q = new Queue({ name: 'greetings', sink: rec.sink })
    const senders = [1, 2, 3].map(
      (n) => new Process({ task: 'greet', args: [q, n], sink: rec.sink })
    )
    await Promise.all(senders.map((p) => p.start()))
    const got = [await q.get(), await q.get()]
    await Promise.all(senders.map((p) => p.join()))
    await rec.waitFor(() => rec.of('queue.put').length === 3)
    expect(q.qsize()).toBe(1)
    const all = new Set([...got, await q.get()])
    expect(all).toEqual(new Set(['Hello World #1', 'Hello World #2', 'Hello World #3']))
    const putters = new Set(rec.of('queue.put').map((e) => e.pid))
    expect(putters).toEqual(new Set(senders.map((p) => p.pid)))
    expect(senders.every((p) => p.exitCode === 0)).toBe(true)
  })

  it('a put on a full queue blocks until the host gets (visible as queue.wait)', async () => {
    const rec = recordEvents()
    const q = new Queue({ maxsize: 1, name: 'small', sink: rec.sink })
    const sender = new Process({ task: 'putMany', args: [q, 3, 4], sink: rec.sink })
    await sender.start()
    const wait = await rec.waitFor((e) => e.type === 'queue.wait')
    expect(wait).toMatchObject({ op: 'put', pid: sender.pid })
    expect(q.qsize()).toBe(1)
    expect(sender.isAlive()).toBe(true)
    const got = [await q.get(), await q.get(), await q.get()]
    expect(got).toEqual(['xxxx', 'xxxx', 'xxxx'])
    await sender.join()
    expect(sender.result).toBe(3)
    // The put that was seen waiting went in as blocked (the third may find room at once).
    expect(rec.of('queue.put').filter((e) => e.blocked).length).toBeGreaterThanOrEqual(1)
    expect(Math.max(...rec.of('queue.depth').map((e) => e.depth))).toBe(1)
    // a bounded queue says its bound, so the diagram can draw the fill level
    expect(rec.of('queue.depth').every((e) => e.maxsize === 1)).toBe(true)
  })

  it('get and put time out with Empty and Full, in the host and in a child', async () => {
    const rec = recordEvents()
    const q = new Queue({ maxsize: 1, sink: rec.sink })
    await expect(q.get({ timeoutMs: 30 })).rejects.toMatchObject({ name: 'Empty' })
    await q.put(1)
    await expect(q.put(2, { timeoutMs: 30 })).rejects.toMatchObject({ name: 'Full' })
    await q.get()
    const taker = new Process({ task: 'take', args: [q, 30], sink: rec.sink })
    await taker.start()
    await taker.join()
    expect(taker.exitCode).toBe(1)
    expect(taker.error).toMatchObject({ name: 'Empty' })
    expect(rec.of('queue.timeout').map((e) => e.op)).toEqual(['get', 'put', 'get'])
  })

  it('a child blocked in get receives what the host puts later', async () => {
    const rec = recordEvents()
    const q = new Queue({ sink: rec.sink })
    const taker = new Process({ task: 'take', args: [q], sink: rec.sink })
    await taker.start()
    // The child's get is waiting once the queue says so.
    await rec.waitFor((e) => e.type === 'queue.wait')
    await q.put({ hello: 'child' })
    await taker.join()
    expect(taker.result).toEqual({ hello: 'child' })
  })

  it('close() rejects whoever waits, and later calls', async () => {
    const q = new Queue({ name: 'c' })
    const waiting = q.get()
    q.close()
    await expect(waiting).rejects.toThrow("queue 'c' is closed")
    await expect(q.put(1)).rejects.toThrow("queue 'c' is closed")
  })

  it('refuses bad arguments, naming them', () => {
    expect(() => new Queue({ maxsize: -1 })).toThrow(/maxsize must be a non-negative integer/)
    const q = new Queue()
    expect(() => q.get({ timeoutMs: -5 })).toThrow(/timeoutMs must be a non-negative/)
    expect(() => q.put(() => 1)).toThrow('item is not JSON-serialisable')
  })
})
