import type { ScenarioProgram } from './ScenarioProgram'
import { hello } from './hello'

/** Every runnable scenario, by id. */
export const programs: ReadonlyMap<string, ScenarioProgram> = new Map(
  [hello].map((p) => [p.spec.id, p])
)
