// Run ids are unique per host start: two hosts (a restarted one) never hand out the same id,
// so a page resuming with `since` cannot mix their runs.
import { expect, it } from 'vitest'
import type { RunHandle } from '../session/RunHandle'
import { PoolScopeService } from './PoolScopeService'

/** An ended run that owns nothing (the service only needs its handle). */
function endedRun(id: string): RunHandle {
  return {
    id,
    kind: 'replay',
    status: 'finished',
    verdict: undefined,
    events: [],
    done: Promise.resolve(),
    info: () => ({
      id,
      scenario: 'hello',
      params: {},
      status: 'finished',
      startedAt: 0,
      hostPid: process.pid,
      kind: 'replay',
      replay: true,
      verdict: undefined
    }),
    traceMeta: () => {
      throw new Error('not exported here')
    },
    stop: async () => {},
    killProcess: () => false
  }
}

it('ids differ between two host starts and never repeat within one', async () => {
  const ids = (service: PoolScopeService): string[] =>
    [1, 2, 3].map(() => service.launch((id) => endedRun(id)).id)
  const a = new PoolScopeService()
  const b = new PoolScopeService()
  const fromA = ids(a)
  const fromB = ids(b)
  expect(new Set(fromA).size).toBe(3)
  expect(fromA.filter((id) => fromB.includes(id))).toEqual([])
  expect(a.hostTag).not.toBe(b.hostTag)
  expect(fromA).toEqual([1, 2, 3].map((n) => `run-${a.hostTag}-${n}`))
  // a resume naming the other host's run is refused, not matched to one of ours
  expect(() => a.getRun(fromB[0]!)).toThrow(`no run with id '${fromB[0]}'`)
  await Promise.all([a.shutdown(), b.shutdown()])
})
