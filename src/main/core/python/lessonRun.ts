// A scenario run on real CPython: its lesson program (resources/python/lessons/sample_<id>.py)
// watched as a program, its parameters as command-line options, its checks the scenario's own
// verdict (the same code the Node re-enactment feeds), except where CPython's lesson measures
// something else (lessonVerdicts.ts).
import { join } from 'node:path'
import type { ParamValues } from '../../../shared/scenarios'
import type { ScenarioProgram } from '../scenarios/ScenarioProgram'
import type { Verdict } from '../scenarios/Verdict'
import type { Python } from './findPython'
import { cpythonGilVerdict, cpythonPipeVsQueueVerdict } from './lessonVerdicts'
import type { ProgramOptions } from './ProgramRun'
import { pythonResources } from './shimDir'

const OWN_VERDICTS: Record<string, Verdict> = {
  gil: cpythonGilVerdict,
  'pipe-vs-queue': cpythonPipeVsQueueVerdict
}

export function lessonPath(scenario: string): string {
  return join(pythonResources(), 'lessons', `sample_${scenario.replace(/-/g, '_')}.py`)
}

/** The program options that run `program`'s lesson with `params` on `python`. */
export function lessonOptions(
  program: ScenarioProgram,
  params: ParamValues,
  python: Python,
  startMethod?: string
): ProgramOptions {
  const id = program.spec.id
  const args = [lessonPath(id)]
  for (const [name, value] of Object.entries(params)) args.push(`--${name}`, String(value))
  if (startMethod) args.push('--start-method', startMethod)
  return {
    python,
    args,
    label: id,
    params: { ...params, runtime: 'cpython' },
    marks: true,
    verdict: OWN_VERDICTS[id] ?? program.verdict
  }
}
