import type { ScenarioProgram } from './ScenarioProgram'
import { hello } from './hello'
import { processScenario } from './processScenario'

/** Every runnable scenario, by id. */
export const programs: ReadonlyMap<string, ScenarioProgram> = new Map(
  [hello, processScenario].map((p) => [p.spec.id, p])
)
