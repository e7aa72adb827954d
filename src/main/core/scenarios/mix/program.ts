// `mix` (the tutorial's sample_mix): writers print their lines in pieces with no lock, so their
// output can interleave in the console and their writes overlap on the timeline.
import type { Check } from '../../../../shared/events'
import { findScenario } from '../../../../shared/scenarios'
import type { ScenarioProgram } from '../ScenarioProgram'
import { check } from '../kit/verdictKit'
import { interruptedLines, linesByWriter, runWriters, writerChecks } from '../kit/writers'

export const mixScenario: ScenarioProgram = {
  spec: findScenario('mix')!,

  run: (ctx) => runWriters(ctx, null),

  verdict(events, _result, { hostPid, params }) {
    const n = Number(params.processes)
    const interrupted = interruptedLines(events)
    const total = linesByWriter(events).size
    // Reported, never failed: interleaving is likely, not guaranteed.
    const overlapped = (observed: string, note?: Check['note']) =>
      check(
        'writes from different processes overlapped (lines interleaved)',
        '서로 다른 프로세스의 쓰기가 겹침 (줄이 섞임)',
        true,
        observed,
        note
      )
    const overlap =
      n < 2
        ? overlapped('one writer cannot overlap with another', 'not-applicable')
        : interrupted.length > 0
          ? overlapped(
              `${interrupted.length} of ${total} lines were interrupted by another process's writes (pid ${interrupted.join(', ')})`
            )
          : overlapped(
              `not observed this time: every line came out whole (${total} lines); run it again or raise jitterMs`,
              'not-observed'
            )
    return [...writerChecks(events, hostPid, n), overlap]
  }
}
