import type { ScenarioProgram } from './ScenarioProgram'
import { hello } from './hello'
import { processScenario } from './processScenario'
import { pipeScenario } from './pipeScenario'
import { queueScenario } from './queueScenario'
import { mixScenario } from './mixScenario'
import { lockScenario } from './lockScenario'

/** Every runnable scenario, by id. */
export const programs: ReadonlyMap<string, ScenarioProgram> = new Map(
  [hello, processScenario, queueScenario, pipeScenario, mixScenario, lockScenario].map((p) => [
    p.spec.id,
    p
  ])
)
