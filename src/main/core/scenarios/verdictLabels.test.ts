// Every registered scenario's checks have texts in Korean and English for their ids, what they
// saw and why (the trace carries ids and figures; the UI shows the user's language, the CLI
// English). One real run each, at the smallest parameters; the scenario tests check the other
// branches (expectHealthyRun checks texts too), and checkTexts.test.ts every text statically.
import { describe, expect, it } from 'vitest'
import { programs } from './registry'
import {
  expectCheckTexts,
  runScenario,
  smallestParams
} from '../../../../test/core/scenarios/runScenario'

describe('verdict texts', () => {
  it.each([...programs.keys()])('%s: every check has its texts in ko and en', async (id) => {
    const { run } = await runScenario(id, smallestParams(programs.get(id)!.spec))
    expect(run.status, JSON.stringify(run.error)).toBe('finished')
    expect(run.verdict!.checks.length).toBeGreaterThan(0)
    expectCheckTexts(run.verdict!.checks)
  })
})
