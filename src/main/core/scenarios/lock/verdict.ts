// The `lock` verdict: the hold spans never overlap and every write happened inside one.
import type { EventList } from '../../session/EventList'
import { check, eventsOf } from '../kit/verdictKit'
import { interruptedLines, linesByWriter, writerChecks } from '../kit/writerChecks'
import type { LabelledCheck } from '../../../../shared/events'
import type { VerdictContext } from '../Verdict'

export const LOCK = 'lock'

const WAITED = 'writers waited for the lock'

const WAITED_KO = '쓰기 프로세스들이 lock을 기다림'

interface Hold {
  pid: number
  from: number
  to: number
}

/** Each acquire with its release, as event indices (to = Infinity if never released). */
function holds(events: EventList): Hold[] {
  const out: Hold[] = []
  const open = new Map<number, Hold>()
  let i = -1
  for (const e of events) {
    i++
    if (e.type === 'lock.acquire' && e.lock === LOCK) {
      const h = { pid: e.pid, from: i, to: Infinity }
      out.push(h)
      open.set(e.pid, h)
    } else if (e.type === 'lock.release' && e.lock === LOCK) {
      const h = open.get(e.pid)
      if (h) h.to = i
      open.delete(e.pid)
    }
  }
  return out
}

export function lockVerdict(
  events: EventList,
  _result: unknown,
  { hostPid, params }: VerdictContext
): LabelledCheck[] {
  const n = Number(params.processes)
  const spans = holds(events)
  const overlapping = spans.filter((h, i) => i > 0 && h.from < spans[i - 1]!.to)
  const lines = linesByWriter(events)
  const outside = [...lines].flatMap(([pid, idx]) =>
    idx.filter((i) => !spans.some((h) => h.pid === pid && h.from < i && i < h.to))
  )
  const interrupted = interruptedLines(events)
  const waits = eventsOf(events, 'lock.wait').filter((e) => e.lock === LOCK)
  return [
    ...writerChecks(events, hostPid, n),
    check(
      'no two lock hold spans overlap',
      'lock 보유 구간이 서로 겹치지 않음',
      spans.length === n && spans.every((h) => h.to !== Infinity) && overlapping.length === 0,
      `${spans.length} holds by ${new Set(spans.map((h) => h.pid)).size} processes, ${overlapping.length} overlapping`
    ),
    check(
      'every write happened while its writer held the lock',
      '모든 쓰기가 그 프로세스가 lock을 잡고 있는 동안 일어남',
      lines.size === n && outside.length === 0,
      `${[...lines.values()].reduce((s, l) => s + l.length, 0) - outside.length} pieces inside a hold, ${outside.length} outside`
    ),
    check(
      'no line was interrupted by another process',
      '다른 프로세스 때문에 끊긴 줄이 없음',
      interrupted.length === 0,
      `${lines.size - interrupted.length} of ${lines.size} lines whole`
    ),
    n < 2
      ? check(WAITED, WAITED_KO, true, 'one writer never waits', 'not-applicable')
      : check(
          WAITED,
          WAITED_KO,
          true,
          waits.length > 0
            ? `${waits.length} wait(s) by pid ${[...new Set(waits.map((w) => w.pid))].join(', ')}`
            : 'not observed this time: each writer found the lock free',
          waits.length > 0 ? undefined : 'not-observed'
        )
  ]
}
