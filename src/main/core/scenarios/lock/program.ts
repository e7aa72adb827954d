// `lock` (the tutorial's sample_lock): the same writers, each holding one Lock around its whole
// line: lines never interleave, and the lock's hold spans never overlap.
import type { ScenarioProgram } from '../ScenarioProgram'
import { runWriters } from '../kit/writers'
import { lockVerdict, LOCK } from './verdict'
import { lockTexts } from './texts'
import { spec } from './spec'

export const lockScenario: ScenarioProgram = {
  spec,

  async run(ctx) {
    return runWriters(ctx, ctx.lock(LOCK))
  },
  verdict: lockVerdict,
  texts: lockTexts
}
