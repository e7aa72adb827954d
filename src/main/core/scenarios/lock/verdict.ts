// The `lock` verdict: the hold spans never overlap and every write happened inside one.
import type { EventList } from '../../session/EventList'
import { checker, eventsOf } from '../kit/verdictKit'
import { interruptedLines, linesByWriter, writerChecks } from '../kit/writerChecks'
import type { Check } from '../../../../shared/events'
import type { VerdictContext } from '../Verdict'
import { lockTexts } from './texts'

const { check } = checker(lockTexts)

export const LOCK = 'lock'

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
): Check[] {
  const n = Number(params.processes)
  const spans = holds(events)
  const overlapping = spans.filter((h, i) => i > 0 && h.from < spans[i - 1]!.to)
  const lines = linesByWriter(events)
  const outside = [...lines].flatMap(([pid, idx]) =>
    idx.filter((i) => !spans.some((h) => h.pid === pid && h.from < i && i < h.to))
  )
  const interrupted = interruptedLines(events)
  const waits = eventsOf(events, 'lock.wait').filter((e) => e.lock === LOCK)
  const waitValues = { waits: waits.length, pids: [...new Set(waits.map((w) => w.pid))] }
  const pieces = [...lines.values()].reduce((s, l) => s + l.length, 0)
  return [
    ...writerChecks(events, hostPid, n),
    check(
      'lock.spans',
      spans.length === n && spans.every((h) => h.to !== Infinity) && overlapping.length === 0,
      {
        holds: spans.length,
        holders: new Set(spans.map((h) => h.pid)).size,
        overlapping: overlapping.length
      },
      'lock.spans.seen'
    ),
    check(
      'lock.inside',
      lines.size === n && outside.length === 0,
      { inside: pieces - outside.length, outside: outside.length },
      'lock.inside.seen'
    ),
    check(
      'lock.whole',
      interrupted.length === 0,
      { whole: lines.size - interrupted.length, lines: lines.size },
      'lock.whole.seen'
    ),
    n < 2
      ? check('lock.waited', true, waitValues, 'lock.waited.one', 'not-applicable')
      : waits.length > 0
        ? check('lock.waited', true, waitValues, 'lock.waited.seen')
        : check('lock.waited', true, waitValues, 'lock.waited.none', 'not-observed')
  ]
}
