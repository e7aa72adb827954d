// Test helper: runs a registered scenario on real processes (a Run with a live monitor, as
// PoolScopeService does) and checks what every run must satisfy.
import { expect } from 'vitest'
import type { Check, RunEvent, Verdict } from '../../../src/shared/events'
import { RunEventSchema } from '../../../src/shared/events'
import { parseParams } from '../../../src/shared/params'
import type { ParamValues, ScenarioSpec } from '../../../src/shared/scenarios'
import { Monitor } from '../../../src/main/core/monitor/Monitor'
import { Run } from '../../../src/main/core/session/Run'
import { programs } from '../../../src/main/core/scenarios/registry'
import { CHECK_TEXTS } from '../../../src/main/core/scenarios/checkTexts'
import { checkWords, placeholders } from '../../../src/shared/checkTexts'

let nextRun = 1

export interface ScenarioRunResult {
  run: Run
  events: readonly RunEvent[]
  ms: number
}

/** Runs scenario `id` with `given` parameters (the rest default) to its end. */
export async function runScenario(
  id: string,
  given: Record<string, unknown> = {}
): Promise<ScenarioRunResult> {
  const program = programs.get(id)
  if (!program) throw new Error(`no program '${id}'`)
  const monitor = new Monitor()
  const t0 = performance.now()
  const run = new Run(
    `test-${nextRun++}`,
    program,
    parseParams(program.spec, given),
    () => {},
    monitor
  )
  try {
    await run.start().done
  } finally {
    await monitor.close()
  }
  return { run, events: run.events.slice(), ms: performance.now() - t0 }
}

/** Finished, verdict passed, events valid and consistent; prints the verdict if it failed.
 *  `inconclusive`: ids of checks that may come out inconclusive on a busy or small machine —
 *  accepted only there, and only with their reason; never counted as passed. */
export function expectHealthyRun(
  { run, events }: ScenarioRunResult,
  { inconclusive = [] }: { inconclusive?: readonly string[] } = {}
): void {
  expect(run.error, JSON.stringify(run.error)).toBeUndefined()
  expect(run.status).toBe('finished')
  expectVerdictPassed(run.verdict, { inconclusive })
  const checks = run.verdict!.checks
  expect(checks.length).toBeGreaterThan(0)
  expectCheckTexts(checks)
  for (const e of events) RunEventSchema.parse(e)
  expect(events.at(-1)?.type).toBe('run.end')
  // every spawn has an exit, no PID is reused within the run
  const spawns = events.filter((e) => e.type === 'proc.spawn').map((e) => e.pid)
  const exits = events.filter((e) => e.type === 'proc.exit').map((e) => e.pid)
  expect(new Set(spawns).size).toBe(spawns.length)
  expect([...exits].sort()).toEqual([...spawns].sort())
  // every task start has an end, on the same worker
  const starts = events.filter((e) => e.type === 'task.start')
  const ends = new Map(
    events.flatMap((e) => (e.type === 'task.end' ? [[e.task, e.worker] as const] : []))
  )
  for (const s of starts) expect(ends.get(s.task), `task ${s.task}`).toBe(s.worker)
  expect(ends.size).toBe(starts.length)
}

/** No check failed; a check may be inconclusive only if its id is listed in `inconclusive`
 *  and it says why; the verdict is then inconclusive, never passed. */
export function expectVerdictPassed(
  verdict: Verdict | undefined,
  { inconclusive = [] }: { inconclusive?: readonly string[] } = {}
): void {
  const checks = verdict?.checks ?? []
  const failed = checks.filter((c) => c.outcome === 'failed')
  const unsure = checks.filter((c) => c.outcome === 'inconclusive')
  expect(failed, JSON.stringify(failed)).toEqual([])
  for (const c of unsure) {
    expect(inconclusive, `'${c.id}' may not be inconclusive: ${JSON.stringify(c)}`).toContain(c.id)
    expect(checkWords(c, CHECK_TEXTS, 'en').reason, c.id).not.toBe('')
  }
  expect(verdict?.outcome).toBe(unsure.length > 0 ? 'inconclusive' : 'passed')
  expect(verdict?.passed).toBe(unsure.length === 0)
}

/** The smallest run a spec allows: every numeric parameter at its minimum, the rest default. */
export function smallestParams(spec: ScenarioSpec): ParamValues {
  return Object.fromEntries(
    spec.params.map((p) => [p.name, p.type === 'int' || p.type === 'number' ? p.min : p.default])
  )
}

const HANGUL = /[\uac00-\ud7a3]/

/** Every check has texts in both UI languages for its id, what it saw and why: each text's
 *  placeholders are among the check's figures, and the Korean is Korean. */
export function expectCheckTexts(checks: readonly Check[]): void {
  for (const c of checks) {
    expect(CHECK_TEXTS[c.id], `texts of '${c.id}'`).toBeDefined()
    const seen = [...c.seen, ...(c.reason ? [c.reason] : [])]
    expect(seen.length, `what '${c.id}' saw`).toBeGreaterThan(0)
    for (const [text, values] of [
      [c.id, c.values] as const,
      ...seen.map((s) => [s.text, { ...c.values, ...s.values }] as const)
    ]) {
      expect(CHECK_TEXTS[text], `texts of '${text}'`).toBeDefined()
      for (const name of placeholders(CHECK_TEXTS[text]!.en))
        expect(values, `'${name}' for '${text}'`).toHaveProperty(name)
    }
    const ko = checkWords(c, CHECK_TEXTS, 'ko')
    expect(ko.name, c.id).toMatch(HANGUL)
    expect(ko.observed, c.id).not.toBe('')
  }
}

/** The check with id `id`. */
export function checkNamed(r: ScenarioRunResult, id: string): Check {
  const c = r.run.verdict?.checks.find((x) => x.id === id)
  expect(c, `a check '${id}'`).toBeDefined()
  return c!
}

/** A check's English texts, as the CLI prints them. */
export function words(c: Check): { name: string; observed: string; reason: string } {
  return checkWords(c, CHECK_TEXTS, 'en')
}
