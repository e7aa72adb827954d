import { describe, expect, it } from 'vitest'
import {
  checkNamed,
  expectHealthyRun,
  runScenario
} from '../../../../../test/core/scenarios/runScenario'

describe('scenario: process', () => {
  it('defaults (3 children, join=last): distinct PIDs, parent = host, the host moves on early', async () => {
    const r = await runScenario('process')
    expectHealthyRun(r)
    const spawns = r.events.filter((e) => e.type === 'proc.spawn')
    expect(spawns).toHaveLength(3)
    for (const s of spawns) expect(s.ppid).toBe(process.pid)
    // the lesson of join=last: at least one child was still alive when the host moved on
    const c = checkNamed(r, 'process.joinLast')
    expect(c.note).toBeUndefined()
    const res = r.run.result as { children: { aliveWhenHostMovedOn: boolean }[] }
    expect(res.children.some((k) => k.aliveWhenHostMovedOn)).toBe(true)
    console.log(`process defaults: ${r.ms.toFixed(0)} ms`)
  })

  it('processes=5, join=all: every child has exited when the host moves on', async () => {
    const r = await runScenario('process', { processes: 5, join: 'all', pace: 0.5 })
    expectHealthyRun(r)
    expect(r.events.filter((e) => e.type === 'proc.spawn')).toHaveLength(5)
    const res = r.run.result as { children: { aliveWhenHostMovedOn: boolean }[] }
    expect(res.children.every((k) => !k.aliveWhenHostMovedOn)).toBe(true)
  })
})
