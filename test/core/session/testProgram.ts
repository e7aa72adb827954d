// Test helper: a scenario program whose body the test writes (the spec is hello's).
import type {
  ScenarioContext,
  ScenarioProgram
} from '../../../src/main/core/scenarios/ScenarioProgram'
import { hello } from '../../../src/main/core/scenarios/hello/program'

export function testProgram(run: (ctx: ScenarioContext) => Promise<unknown>): ScenarioProgram {
  return { spec: hello.spec, run, verdict: () => [], texts: {} }
}
