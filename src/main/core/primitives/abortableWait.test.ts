// AbortSignal on the host's blocking waits: Queue.put/get and Lock.acquire.
import { describe, expect, it } from 'vitest'
import { Lock } from './Lock'
import { Queue } from './Queue'

describe('AbortSignal on blocking waits', () => {
  it('an aborted get gives up, and the next item goes to the getter still waiting', async () => {
    const q = new Queue()
    const ac = new AbortController()
    const aborted = q.get({ signal: ac.signal })
    const waiting = q.get()
    ac.abort(new Error('user gave up'))
    await expect(aborted).rejects.toThrow('user gave up')
    await q.put('x')
    await expect(waiting).resolves.toBe('x')
    expect(q.qsize()).toBe(0)
  })

  it('an aborted put on a full queue does not add its item', async () => {
    const q = new Queue({ maxsize: 1 })
    await q.put('first')
    const ac = new AbortController()
    const blocked = q.put('second', { signal: ac.signal })
    ac.abort(new Error('stop'))
    await expect(blocked).rejects.toThrow('stop')
    expect(q.qsize()).toBe(1)
    await expect(q.get()).resolves.toBe('first')
    expect(q.qsize()).toBe(0)
  })

  it('a signal aborted before the call rejects at once; one aborted after success changes nothing', async () => {
    const q = new Queue()
    const ac = new AbortController()
    ac.abort(new Error('already'))
    await expect(q.get({ signal: ac.signal })).rejects.toThrow('already')
    const late = new AbortController()
    await q.put(1, { signal: late.signal })
    late.abort()
    await expect(q.get()).resolves.toBe(1)
  })

  it('an aborted lock wait leaves the line; the lock goes to the next waiter', async () => {
    const lock = new Lock()
    expect(await lock.acquire()).toBe(true)
    const ac = new AbortController()
    const aborted = lock.acquire(undefined, ac.signal)
    const next = lock.acquire()
    expect(lock.waiting()).toBe(2)
    ac.abort(new Error('no longer needed'))
    await expect(aborted).rejects.toThrow('no longer needed')
    expect(lock.waiting()).toBe(1)
    lock.release()
    await expect(next).resolves.toBe(true)
    lock.release()
    expect(lock.locked()).toBe(false)
  })
})
