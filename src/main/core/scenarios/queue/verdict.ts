// The `queue` verdict: who put and got what, the depth over time, what was left unread.
import { checker, eventsOf, exitedCleanly, spawned, startedBy } from '../kit/verdictKit'
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { queueTexts } from './texts'

const { check } = checker(queueTexts)

export const QUEUE = 'queue'

/** What the parameters lead to: reads that find a message, messages left, senders left blocked. */
export function expectedQueueOutcome(senders: number, reads: number, maxsize: number) {
  const read = Math.min(reads, senders)
  const unread = senders - read
  const left = maxsize > 0 ? Math.min(unread, maxsize) : unread
  return { read, left, blocked: unread - left }
}

export function queueVerdict(
  events: EventList,
  _result: unknown,
  { hostPid, params }: VerdictContext
): Check[] {
  const n = Number(params.senders)
  const maxsize = Number(params.maxsize)
  const want = expectedQueueOutcome(n, Number(params.reads), maxsize)
  const senders = spawned(events, 'sender')
  const senderPids = new Set(senders.map((s) => s.pid))
  const puts = eventsOf(events, 'queue.put').filter((e) => e.queue === QUEUE)
  const gets = eventsOf(events, 'queue.get').filter((e) => e.queue === QUEUE)
  const depths = eventsOf(events, 'queue.depth').filter((e) => e.queue === QUEUE)
  const putWaits = eventsOf(events, 'queue.wait').filter((e) => e.queue === QUEUE && e.op === 'put')
  const peak = Math.max(0, ...depths.map((d) => d.depth))
  const final = depths.at(-1)?.depth ?? 0
  const checks = [
    check(
      'queue.senders',
      senders.length === n && senders.every((s) => startedBy(s) === hostPid),
      { n, count: senders.length, ppids: [...new Set(senders.map((s) => s.ppid))], host: hostPid },
      'queue.senders.seen'
    ),
    check(
      'queue.puts',
      puts.length === n - want.blocked && puts.every((p) => senderPids.has(p.pid)),
      { puts: puts.length, by: new Set(puts.map((p) => p.pid)).size, blocked: want.blocked },
      want.blocked ? 'queue.puts.blocked' : 'queue.puts.seen'
    ),
    check('queue.rose', peak >= 1, { peak }, 'queue.rose.seen'),
    check(
      'queue.got',
      gets.length === want.read && gets.every((g) => g.pid === hostPid),
      { read: want.read, gets: gets.length, msgs: gets.map((g) => g.msg) },
      gets.length ? 'queue.got.seen' : 'queue.got.none'
    ),
    check(
      'queue.left',
      final === want.left && final === puts.length - gets.length,
      { left: want.left, final, puts: puts.length, gets: gets.length },
      'queue.left.seen'
    ),
    exitedCleanly(events, senders, 'sender')
  ]
  if (maxsize > 0) {
    const blockedPuts = puts.filter((p) => p.blocked)
    const values = { maxsize, n, waits: putWaits.length, blocked: blockedPuts.length }
    checks.push(
      n > maxsize
        ? check('queue.full', putWaits.length > 0, values, 'queue.full.seen')
        : check('queue.full', true, values, 'queue.full.moot', 'not-applicable')
    )
  }
  return checks
}
