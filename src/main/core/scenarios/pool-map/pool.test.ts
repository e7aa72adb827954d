import { describe, expect, it } from 'vitest'
import {
  checkNamed,
  expectHealthyRun,
  runScenario
} from '../../../../../test/core/scenarios/runScenario'

describe('scenarios: pool-apply and pool-map', () => {
  it('pool-apply defaults: a pool of 4, square(10) = 100 on one worker', async () => {
    const r = await runScenario('pool-apply')
    expectHealthyRun(r)
    expect(r.run.result).toEqual({ x: 10, result: 100 })
    expect(r.events.filter((e) => e.type === 'proc.spawn' && e.role === 'worker')).toHaveLength(4)
    console.log(`pool-apply defaults: ${r.ms.toFixed(0)} ms`)
  })

  it('pool-apply with processes=2, x=-7', async () => {
    const r = await runScenario('pool-apply', { processes: 2, x: -7 })
    expectHealthyRun(r)
    expect(r.run.result).toEqual({ x: -7, result: 49 })
  })

  it('pool-map defaults: [1, 4, 9] from a pool of 5', async () => {
    const r = await runScenario('pool-map')
    expectHealthyRun(r)
    expect(r.run.result).toEqual([1, 4, 9])
    expect(checkNamed(r, 'poolMap.reused').note).toBe('not-applicable')
    console.log(`pool-map defaults: ${r.ms.toFixed(0)} ms`)
  })

  it('pool-map items=20, processes=3, taskMs=20: workers reused, the task queue drains', async () => {
    const r = await runScenario('pool-map', { items: 20, processes: 3, taskMs: 20 })
    expectHealthyRun(r)
    expect(r.run.result).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) ** 2))
    expect(checkNamed(r, 'poolMap.reused').note).toBeUndefined()
    const depths = r.events.flatMap((e) =>
      e.type === 'queue.depth' && e.queue === 'pool:pool' ? [e.depth] : []
    )
    expect(Math.max(...depths)).toBeGreaterThan(0)
  })
})
