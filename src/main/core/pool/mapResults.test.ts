import { describe, expect, it } from 'vitest'
import { mapResults } from './mapResults'

async function collect(it: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const v of it) out.push(v)
  return out
}

describe('mapResults', () => {
  it('joins chunks settled out of order into item order (imap and all)', async () => {
    const r = mapResults(7, 3, true)
    const ordered = collect(r.iterator)
    r.settle(6, 1, undefined, ['g'])
    r.settle(3, 3, undefined, ['d', 'e', 'f'])
    r.settle(0, 3, undefined, ['a', 'b', 'c'])
    expect(await ordered).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(await r.iterator.all()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
  })

  it('imapUnordered yields chunks as they finish, and goes on after a failed chunk', async () => {
    const r = mapResults(4, 2, false)
    r.settle(2, 2, undefined, [3, 4])
    r.settle(0, 2, new Error('boom'), undefined)
    await expect(r.iterator.next()).resolves.toEqual({ done: false, value: 3 })
    await expect(r.iterator.next()).resolves.toEqual({ done: false, value: 4 })
    await expect(r.iterator.next()).rejects.toThrow('boom')
    await expect(r.iterator.next()).resolves.toEqual({ done: true, value: undefined })
    await expect(r.iterator.all()).rejects.toThrow('boom')
  })

  it('in order, an error ends the iteration; all() rejects as soon as a chunk fails', async () => {
    const r = mapResults(4, 2, true)
    const all = r.iterator.all()
    r.settle(2, 2, new Error('late chunk'), undefined)
    await expect(all).rejects.toThrow('late chunk')
    r.settle(0, 2, undefined, [1, 2])
    await expect(collect(r.iterator)).rejects.toThrow('late chunk')
    await expect(r.iterator.next()).resolves.toMatchObject({ done: true })
  })

  it('a chunk whose results are not an array of its length fails', async () => {
    const r = mapResults(2, 2, true)
    r.settle(0, 2, undefined, [1] as unknown[])
    await expect(r.iterator.all()).rejects.toThrow(/returned 2 results as something else/)
  })

  it('joins many one-item chunks (map with chunksize 1) and an empty map', async () => {
    const n = 10_000
    const r = mapResults(n, 1, true)
    for (let i = n - 1; i >= 0; i--) r.settle(i, 1, undefined, [i])
    const all = await r.iterator.all()
    expect(all).toHaveLength(n)
    expect(all.every((v, i) => v === i)).toBe(true)
    expect(await mapResults(0, 1, true).iterator.all()).toEqual([])
    expect(await collect(mapResults(0, 1, false).iterator)).toEqual([])
  })
})
