// The `queue` verdict: who put and got what, the depth over time, what was left unread.
import { check, eventsOf, exitedCleanly, spawned, startedBy } from '../kit/verdictKit'
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

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
): LabelledCheck[] {
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
      `${n} sender processes, children of the host`,
      `송신 프로세스 ${n}개, 모두 호스트의 자식`,
      senders.length === n && senders.every((s) => startedBy(s) === hostPid),
      `${senders.length} senders, PPIDs ${[...new Set(senders.map((s) => s.ppid))].join(', ')} (host ${hostPid})`
    ),
    check(
      'every message put came from a sender',
      '큐에 들어간 메시지는 모두 송신 프로세스가 넣은 것',
      puts.length === n - want.blocked && puts.every((p) => senderPids.has(p.pid)),
      `${puts.length} put by ${new Set(puts.map((p) => p.pid)).size} senders${want.blocked ? `, ${want.blocked} gave up blocked` : ''}`
    ),
    check(
      'the queue depth rose to at least 1',
      '큐 깊이가 1 이상으로 올라감',
      peak >= 1,
      `peak depth ${peak}`
    ),
    check(
      `the host got ${want.read} message(s)`,
      `호스트가 메시지 ${want.read}개를 꺼냄`,
      gets.length === want.read && gets.every((g) => g.pid === hostPid),
      `${gets.length} got by the host${gets.length ? ` (messages #${gets.map((g) => g.msg).join(', #')} in that order)` : ''}`
    ),
    check(
      `${want.left} message(s) left unread at the end (final depth = puts − gets)`,
      `마지막에 읽지 않은 메시지 ${want.left}개가 남음 (최종 깊이 = put 수 − get 수)`,
      final === want.left && final === puts.length - gets.length,
      `final depth ${final}: ${puts.length} put − ${gets.length} got`
    ),
    exitedCleanly(events, senders, 'sender', '송신 프로세스')
  ]
  if (maxsize > 0) {
    const blockedPuts = puts.filter((p) => p.blocked)
    const name = `a full queue (maxsize ${maxsize}) blocked put`
    const ko = `가득 찬 큐(maxsize ${maxsize})에서 put이 막힘`
    checks.push(
      n > maxsize
        ? check(
            name,
            ko,
            putWaits.length > 0,
            `${putWaits.length} put(s) waited on a full queue; ${blockedPuts.length} went in once a get made room`
          )
        : check(
            name,
            ko,
            true,
            `${n} sender(s) cannot fill a queue of ${maxsize}`,
            'not-applicable'
          )
    )
  }
  return checks
}
