// `mix` (the tutorial's sample_mix): writers print their lines in pieces with no lock, so their
// output can interleave in the console and their writes overlap on the timeline.
import type { ScenarioProgram } from '../ScenarioProgram'
import { runWriters } from '../kit/writers'
import { mixVerdict } from './verdict'
import { mixTexts } from './texts'
import { spec } from './spec'

export const mixScenario: ScenarioProgram = {
  spec,

  run: (ctx) => runWriters(ctx, null),
  verdict: mixVerdict,
  texts: mixTexts
}
