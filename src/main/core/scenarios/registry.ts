import type { ScenarioProgram } from './ScenarioProgram'
import { hello } from './hello/program'
import { processScenario } from './process/program'
import { pipeScenario } from './pipe/program'
import { queueScenario } from './queue/program'
import { mixScenario } from './mix/program'
import { lockScenario } from './lock/program'
import { poolApplyScenario } from './pool-apply/program'
import { poolMapScenario } from './pool-map/program'
import { gilScenario } from './gil/program'
import { pipeVsQueueScenario } from './pipe-vs-queue/program'

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
