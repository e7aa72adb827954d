// The `mix` verdict: the writers' checks, and whether their lines interleaved (reported, never
// failed: interleaving is likely, not guaranteed).
import type { Check } from '../../../../shared/events'
import { checker } from '../kit/verdictKit'
import { interruptedLines, linesByWriter, writerChecks } from '../kit/writerChecks'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { mixTexts } from './texts'

const { check } = checker(mixTexts)

export function mixVerdict(
  events: EventList,
  _result: unknown,
  { hostPid, params }: VerdictContext
): Check[] {
  const n = Number(params.processes)
  const interrupted = interruptedLines(events)
  const values = {
    interrupted: interrupted.length,
    lines: linesByWriter(events).size,
    pids: interrupted
  }
  // Reported, never failed: interleaving is likely, not guaranteed.
  const overlap =
    n < 2
      ? check('mix.overlap', true, values, 'mix.overlap.one', 'not-applicable')
      : interrupted.length > 0
        ? check('mix.overlap', true, values, 'mix.overlap.seen')
        : check('mix.overlap', true, values, 'mix.overlap.none', 'not-observed')
  return [...writerChecks(events, hostPid, n), overlap]
}
