import { describe, expect, it } from 'vitest'
import {
  checkNamed,
  expectHealthyRun,
  runScenario,
  words
} from '../../../../../test/core/scenarios/runScenario'

describe('scenarios: mix and lock', () => {
  it('mix defaults: lines written in pieces, no lock; overlap reported (or honestly not observed)', async () => {
    const r = await runScenario('mix')
    expectHealthyRun(r)
    expect(r.events.some((e) => e.type.startsWith('lock.'))).toBe(false)
    const c = checkNamed(r, 'mix.overlap')
    expect(c.outcome).toBe('passed')
    console.log(`mix defaults: ${r.ms.toFixed(0)} ms; ${words(c).observed}`)
  })

  it('mix with processes=4, pieces=7, jitterMs=20: lines interleave', async () => {
    const r = await runScenario('mix', { processes: 4, pieces: 7, jitterMs: 20 })
    expectHealthyRun(r)
    // 4 writers released together, each pausing up to 20 ms six times: their lines meet
    expect(checkNamed(r, 'mix.overlap').note).toBeUndefined()
  })

  it('lock defaults: hold spans never overlap and no line is interrupted', async () => {
    const r = await runScenario('lock')
    expectHealthyRun(r)
    expect(r.events.filter((e) => e.type === 'lock.acquire')).toHaveLength(3)
    console.log(`lock defaults: ${r.ms.toFixed(0)} ms`)
  })

  it('lock with processes=5, pieces=7, jitterMs=10: writers wait their turn', async () => {
    const r = await runScenario('lock', { processes: 5, pieces: 7, jitterMs: 10 })
    expectHealthyRun(r)
    expect(checkNamed(r, 'lock.waited').note).toBeUndefined()
  })
})
