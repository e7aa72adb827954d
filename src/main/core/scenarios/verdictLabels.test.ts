// Every registered scenario names each of its checks in Korean and English (the UI shows the
// user's language; `name` stays the English one that the CLI prints and tests match on).
// One real run each, at the smallest parameters; the scenario tests check the other branches
// (expectHealthyRun checks labels too) and the type of verdict() requires a label everywhere.
import { describe, expect, it } from 'vitest'
import { programs } from './registry'
import {
  expectLabelledChecks,
  runScenario,
  smallestParams
} from '../../../../test/core/scenarios/runScenario'

describe('verdict labels', () => {
  it.each([...programs.keys()])('%s: every check has a ko and an en label', async (id) => {
    const { run } = await runScenario(id, smallestParams(programs.get(id)!.spec))
    expect(run.status, JSON.stringify(run.error)).toBe('finished')
    expect(run.verdict!.checks.length).toBeGreaterThan(0)
    expectLabelledChecks(run.verdict!.checks)
  })
})
