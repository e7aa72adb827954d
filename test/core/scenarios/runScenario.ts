// Test helper: runs a registered scenario on real processes (a Run with a live monitor, as
// PoolScopeService does) and checks what every run must satisfy.
import { expect } from 'vitest'
import type { Check, RunEvent } from '../../../src/shared/events'
import { RunEventSchema } from '../../../src/shared/events'
import { parseParams } from '../../../src/shared/params'
import type { ParamValues, ScenarioSpec } from '../../../src/shared/scenarios'
import { Monitor } from '../../../src/main/core/monitor/Monitor'
import { Run } from '../../../src/main/core/session/Run'
import { programs } from '../../../src/main/core/scenarios/registry'

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

/** Finished, verdict passed, events valid and consistent; prints the verdict if it failed. */
export function expectHealthyRun({ run, events }: ScenarioRunResult): void {
  const failed = run.verdict?.checks.filter((c) => !c.passed) ?? []
  expect(run.error, JSON.stringify(run.error)).toBeUndefined()
  expect(run.status).toBe('finished')
  expect(failed, JSON.stringify(failed)).toEqual([])
  expect(run.verdict?.passed).toBe(true)
  expect(run.verdict!.checks.length).toBeGreaterThan(0)
  expectLabelledChecks(run.verdict!.checks)
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

/** The smallest run a spec allows: every numeric parameter at its minimum, the rest default. */
export function smallestParams(spec: ScenarioSpec): ParamValues {
  return Object.fromEntries(
    spec.params.map((p) => [p.name, p.type === 'int' || p.type === 'number' ? p.min : p.default])
  )
}

const HANGUL = /[\uac00-\ud7a3]/
const NUMBER = /\d+(?:\.\d+)?/g

/** Every check is named in both UI languages: en is the name itself, ko is Korean text that
 *  carries the same numbers (the interpolated counts and limits). */
export function expectLabelledChecks(checks: readonly Check[]): void {
  for (const c of checks) {
    expect(c.label, `label of '${c.name}'`).toBeDefined()
    expect(c.label!.en, c.name).toBe(c.name)
    expect(c.label!.ko, c.name).toMatch(HANGUL)
    const ko = new Set(c.label!.ko.match(NUMBER))
    for (const n of c.name.match(NUMBER) ?? []) expect(ko, `${n} in '${c.label!.ko}'`).toContain(n)
  }
}

/** The check named `name` (its start is enough). */
export function checkNamed(r: ScenarioRunResult, name: string) {
  const c = r.run.verdict?.checks.find((x) => x.name.startsWith(name))
  expect(c, `a check named '${name}'`).toBeDefined()
  return c!
}
