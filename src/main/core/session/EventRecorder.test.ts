import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { arbitraryEvent } from '../../../../test/core/trace/arbitraryTrace'
import { syntheticTrace } from '../../../../test/core/trace/syntheticTrace'
import { EventRecorder } from './EventRecorder'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

/** Values that every column kind must give back exactly, including the awkward ones. */
const value = fc.oneof(
  fc.integer(),
  fc.double(), // NaN, ±Infinity, -0 and fractions
  fc.constantFrom(-0, 2 ** 31, -(2 ** 31), 2 ** 53, null, undefined, true, false),
  fc.constantFrom(-1, 255, 256, 32767, 32768, -32768, -32769, 2 ** 31 - 1), // integer widths
  fc.string(),
  fc.string({ unit: 'grapheme', minLength: 100, maxLength: 3000 }), // long, multi-byte
  fc.constantFrom('jobs', 'counter', 'lone \ud800', '\u001b[1mx'), // repeated names
  fc.jsonValue(), // nested arrays and objects
  fc.anything() // -0, undefined, NaN inside nested values: kept by reference
)
const key = fc.constantFrom(
  't',
  'pid',
  'msg',
  'text',
  'queue',
  'cpu',
  'procs',
  '__proto__',
  '0',
  'x'
)

/** Any flat record with a `type`: keys in any order, optional keys present or absent, one
 *  field holding a number in one event and null (or a string) in the next. */
const oddEvent = fc
  .tuple(fc.constantFrom('stdout', 'sample', 'x.odd'), fc.array(fc.tuple(key, value)))
  .map(([type, entries]) => {
    const at = entries.length ? entries.length >> 1 : 0
    const list: [string, unknown][] = [
      ...entries.slice(0, at),
      ['type', type],
      ...entries.slice(at)
    ]
    return Object.fromEntries(list) as unknown as RunEvent
  })

const events = fc.array(
  fc.oneof(
    arbitraryEvent.map((e) => ({ t: 1.5, ...e }) as RunEvent),
    oddEvent
  ),
  { maxLength: 150 }
)

describe('EventRecorder', () => {
  it('gives back every event deep-equal and JSON-identical, across block boundaries', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 64 }), (list, blockSize) => {
        const log = EventRecorder.from(list, blockSize)
        expect(log.length).toBe(list.length)
        const all = log.slice()
        expect(all).toStrictEqual(list)
        expect(JSON.stringify(all)).toBe(JSON.stringify(list))
        all.forEach((e, i) => expect(Object.keys(e)).toEqual(Object.keys(list[i]!)))
        expect([...log]).toStrictEqual(list)
        expect(JSON.stringify(log)).toBe(JSON.stringify(list))
      }),
      { numRuns: runs }
    )
  })

  it('reads single events and slices with the rules of an array', () => {
    fc.assert(
      fc.property(
        events,
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: -200, max: 200 }),
        fc.option(fc.integer({ min: -200, max: 200 }), { nil: undefined }),
        (list, blockSize, from, to) => {
          const log = EventRecorder.from(list, blockSize)
          expect(log.slice(from, to)).toStrictEqual(list.slice(from, to))
          expect(log.at(from)).toStrictEqual(list.at(from))
          expect(log.at(to ?? 0)).toStrictEqual(list.at(to ?? 0))
        }
      ),
      { numRuns: runs }
    )
  })

  it('finds the events of one type in order (ofType), sealed blocks and newest alike', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 9 }), (list, blockSize) => {
        const log = EventRecorder.from(list, blockSize)
        for (const type of ['stdout', 'sample', 'queue.put', 'x.odd'] as const) {
          expect(log.ofType(type as RunEvent['type'])).toStrictEqual(
            list.filter((e) => e.type === type)
          )
        }
      }),
      { numRuns: runs }
    )
  })

  it('keeps a list that mixes numbers and records as it was (fast-check counterexample from CI)', () => {
    const lists = [
      [0, { '': null }],
      [null, { a: 1 }],
      [{ a: 1 }, 2],
      [[1], [{ a: 1 }]]
    ]
    for (const t of lists) {
      // blockSize 1: the first event is encoded once the second is pushed
      const list = [{ type: 'stdout', t }, { type: 'stdout' }] as unknown as RunEvent[]
      expect(EventRecorder.from(list, 1).slice()).toStrictEqual(list)
    }
    const split = [
      { type: 'sample', t: [1, 2] },
      { type: 'sample', t: [{ a: 1 }] },
      { type: 'x' }
    ] as unknown as RunEvent[]
    expect(EventRecorder.from(split, 2).slice()).toStrictEqual(split) // numbers, then records
  })

  it('keeps the newest events as the objects pushed (the live path does not decode them)', () => {
    const { events: list } = syntheticTrace(50)
    const log = new EventRecorder(8)
    list.forEach((e) => log.push(e))
    const n = list.length
    const kept = 8 + (n % 8) // the open block and the block sealed last
    for (let i = n - kept; i < n; i++) expect(log.at(i)).toBe(list[i])
    expect(log.at(0)).not.toBe(list[0])
    expect(log.at(0)).toStrictEqual(list[0])
  })

  it('a snapshot keeps its length while the log grows', () => {
    const { events: list } = syntheticTrace(100)
    const log = new EventRecorder(16)
    list.slice(0, 40).forEach((e) => log.push(e))
    const snap = log.snapshot()
    list.slice(40).forEach((e) => log.push(e))
    expect(snap.length).toBe(40)
    expect(snap.slice()).toStrictEqual(list.slice(0, 40))
    expect([...snap]).toStrictEqual(list.slice(0, 40))
    expect(snap.at(-1)).toStrictEqual(list[39])
    expect(snap.at(40)).toBeUndefined()
    expect(log.slice()).toStrictEqual(list)
  })

  it('refuses a block size it cannot index', () => {
    expect(() => new EventRecorder(0)).toThrow(/blockSize must be an integer in 1\.\.65536, not 0/)
    expect(() => new EventRecorder(70000)).toThrow(/not 70000/)
  })
})
