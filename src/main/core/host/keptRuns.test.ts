import { describe, expect, it } from 'vitest'
import { MAX_KEPT_RUNS, PoolScopeService } from './PoolScopeService'

describe('run history', () => {
  it(`keeps the last ${MAX_KEPT_RUNS} ended runs and lets older ones go`, async () => {
    const service = new PoolScopeService()
    const trace = async (): Promise<string> => {
      const run = service.startRun('hello', { pace: 0.1 })
      await run.done
      return (await service.call('exportRun', { runId: run.id, format: 'native' })).content
    }
    const first = `run-${service.hostTag}-1`
    const content = await trace()
    // Opened traces count as runs too (and cost no processes): fill the history with them.
    for (let i = 0; i < MAX_KEPT_RUNS + 5; i++)
      await service.call('openTrace', { fileName: `t${i}.json`, content })
    const ids = (await service.call('listRuns', undefined)).map((r) => r.id)
    expect(ids).toHaveLength(MAX_KEPT_RUNS)
    expect(ids).not.toContain(first)
    expect(ids.at(-1)).toBe(`run-${service.hostTag}-${MAX_KEPT_RUNS + 6}`)
    await expect(service.call('exportRun', { runId: first, format: 'native' })).rejects.toThrow(
      `no run with id '${first}'`
    )
    await service.shutdown()
  })
})
