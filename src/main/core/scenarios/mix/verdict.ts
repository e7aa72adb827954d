// The `mix` verdict: the writers' checks, and whether their lines interleaved (reported, never
// failed: interleaving is likely, not guaranteed).
import type { Check, LabelledCheck } from '../../../../shared/events'
import { check } from '../kit/verdictKit'
import { interruptedLines, linesByWriter, writerChecks } from '../kit/writerChecks'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

export function mixVerdict(
  events: EventList,
  _result: unknown,
  { hostPid, params }: VerdictContext
): LabelledCheck[] {
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
