// The shim's per-process budget (resources/python/poolscope_shim/budget.py) with real CPython:
// a flood of puts, gets, lock pairs and pipe sends is merged past the budget, every message
// keeps its number (the held ones are sent at exit), and the run says so in its log.
import { afterEach, describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import type { EventWith } from '../scenarios/kit/verdictKit'
import { scriptFile, watchProgram } from '../../../../test/python/watchProgram'
import { NO_WATCH } from '../../../../test/platforms'

function of<K extends RunEvent['type']>(events: Iterable<RunEvent>, type: K): EventWith<K>[] {
  return [...events].filter((e) => e.type === type) as EventWith<K>[]
}

const N = 3000

const FLOOD = `
import multiprocessing as mp, sys
n = int(sys.argv[1])
q = mp.Queue(); l = mp.Lock(); a, b = mp.Pipe()
for i in range(n):
    q.put(i); q.get()
    with l:
        pass
    a.send(i); b.recv()
`

describe.skipIf(NO_WATCH)(`a flood of events${NO_WATCH}`, () => {
  // A small budget (100 events per 100 ms): merging starts however slow this machine is.
  afterEach(() => void delete process.env.POOLSCOPE_BUDGET)
  it('is merged past the budget with exact message numbers, and the log says so', async () => {
    process.env.POOLSCOPE_BUDGET = '100'
    const run = await watchProgram([scriptFile(FLOOD), String(N)])
    const ev = [...run.events]
    expect(run.result?.exitCode).toBe(0)
    const puts = of(ev, 'queue.put')
    const gets = of(ev, 'queue.get')
    // merged: far fewer events than operations, yet the last number is the count
    expect(puts.length).toBeLessThan(N / 2)
    expect(puts.at(-1)?.msg).toBe(N)
    expect(gets.at(-1)?.msg).toBe(N)
    expect(puts.map((p) => p.msg)).toEqual([...puts.map((p) => p.msg)].sort((x, y) => x - y))
    expect(of(ev, 'queue.depth').length).toBe(puts.length + gets.length)
    // pipe messages: counted through `count` as well as numbered
    for (const type of ['pipe.send', 'pipe.recv'] as const) {
      const msgs = of(ev, type)
      expect(msgs.length).toBeLessThan(N / 2)
      expect(msgs.at(-1)?.msg).toBe(N)
      expect(msgs.reduce((s, m) => s + (m.count ?? 1), 0)).toBe(N)
    }
    expect(of(ev, 'lock.acquire').length).toBeLessThan(N / 2)
    const main = run.result!.mainPid!
    const told = of(ev, 'log').filter((l) => l.text.includes('merged per object'))
    expect(told.map((l) => l.text)).toEqual([expect.stringContaining(`pid ${main} reports`)])
    expect(told[0]!.level).toBe('warn')
    // the topic the UI says it by (RunNotices), not only a log line
    expect(told[0]!.topic).toBe('coalesced')
  })
})
