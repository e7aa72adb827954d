import { describe, expect, it } from 'vitest'
import {
  checkNamed,
  expectHealthyRun,
  runScenario,
  words
} from '../../../../../test/core/scenarios/runScenario'

describe('scenario: pipe-vs-queue', () => {
  it('messages=20000, bytes=16: both streams complete, rates and ratio reported', async () => {
    const r = await runScenario('pipe-vs-queue', { messages: 20_000, bytes: 16 })
    expectHealthyRun(r)
    expect(r.run.result).toMatchObject({ viaPipe: 20_000, viaQueue: 20_000 })
    expect(words(checkNamed(r, 'pvq.rates')).observed).toMatch(/pipe\/queue = \d/)
    console.log(
      `pipe-vs-queue 20000: ${r.ms.toFixed(0)} ms; ${words(checkNamed(r, 'pvq.claim')).observed}`
    )
  })

  it('defaults (100,000 messages of 64 bytes)', async () => {
    const r = await runScenario('pipe-vs-queue')
    expectHealthyRun(r)
    console.log(
      `pipe-vs-queue defaults: ${r.ms.toFixed(0)} ms; ${words(checkNamed(r, 'pvq.rates')).observed}`
    )
  }, 120_000)
})
