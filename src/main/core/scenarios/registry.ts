import type { ScenarioProgram } from './ScenarioProgram'
import { hello } from './hello'
import { processScenario } from './processScenario'
import { pipeScenario } from './pipeScenario'
import { queueScenario } from './queueScenario'
import { mixScenario } from './mixScenario'
import { lockScenario } from './lockScenario'
import { poolApplyScenario } from './poolApplyScenario'
import { poolMapScenario } from './poolMapScenario'
import { gilScenario } from './gilScenario'
import { pipeVsQueueScenario } from './pipeVsQueueScenario'

/** Every runnable scenario, by id. */
export const programs: ReadonlyMap<string, ScenarioProgram> = new Map(
  [
    hello,
    processScenario,
    queueScenario,
    pipeScenario,
    mixScenario,
    lockScenario,
    poolApplyScenario,
    poolMapScenario,
    gilScenario,
    pipeVsQueueScenario
  ].map((p) => [p.spec.id, p])
)
