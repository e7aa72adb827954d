// `mix` (the tutorial's sample_mix): writers print their lines in pieces with no lock, so their
// output can interleave in the console and their writes overlap on the timeline.
import { findScenario } from '../../../shared/scenarios'
import type { ScenarioProgram } from './ScenarioProgram'
import { check } from './verdictKit'
import { interruptedLines, linesByWriter, runWriters, writerChecks } from './writers'

export const mixScenario: ScenarioProgram = {
  spec: findScenario('mix')!,

  run: (ctx) => runWriters(ctx, null),

  verdict(events, _result, { hostPid, params }) {
    const n = Number(params.processes)
    const interrupted = interruptedLines(events)
    const total = linesByWriter(events).size
    const overlap =
      n < 2
        ? check(
            'writes from different processes overlapped (lines interleaved)',
            true,
            'one writer cannot overlap with another',
            'not-applicable'
          )
        : interrupted.length > 0
          ? check(
              'writes from different processes overlapped (lines interleaved)',
              true,
              `${interrupted.length} of ${total} lines were interrupted by another process's writes (pid ${interrupted.join(', ')})`
            )
          : check(
              'writes from different processes overlapped (lines interleaved)',
              true,
              `not observed this time: every line came out whole (${total} lines); run it again or raise jitterMs`,
              'not-observed'
            )
    return [...writerChecks(events, hostPid, n), overlap]
  }
}
