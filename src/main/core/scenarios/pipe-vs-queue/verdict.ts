// The `pipe-vs-queue` verdict: messages per second through each, from the run's own events,
// and the tutorial's claim reported as observed or not.
import type { RunEvent, LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { check, eventsOf, exitedCleanly, markTime, messagesOf, spawned } from '../kit/verdictKit'
import type { VerdictContext } from '../Verdict'

export const PIPE = 'stream-pipe'

export const QUEUE = 'stream-queue'

const CLAIM = 2

interface Rate {
  put: number
  got: number
  ms: number
  perSecond: number
}

/** Messages received per second, from the gate opening to the last receive (host clock). */
function rate(
  events: EventList,
  what: 'pipe' | 'queue',
  sendType: 'pipe.send' | 'queue.put',
  recvType: 'pipe.recv' | 'queue.get',
  name: string
): Rate {
  const mine = (e: RunEvent): boolean =>
    ('pipe' in e && e.pipe === name) || ('queue' in e && e.queue === name)
  const sends = eventsOf(events, sendType).filter(mine)
  const recvs = eventsOf(events, recvType).filter(mine)
  const got = messagesOf(recvs)
  const ms = (recvs.at(-1)?.t ?? NaN) - (markTime(events, `${what} stream begins`) ?? NaN)
  return { put: messagesOf(sends), got, ms, perSecond: (got / ms) * 1000 }
}

export function pipeVsQueueVerdict(
  events: EventList,
  _result: unknown,
  { params }: VerdictContext
): LabelledCheck[] {
  const n = Number(params.messages)
  const receivers = spawned(events, 'receiver')
  const senders = spawned(events, 'sender')
  const pipe = rate(events, 'pipe', 'pipe.send', 'pipe.recv', PIPE)
  const queue = rate(events, 'queue', 'queue.put', 'queue.get', QUEUE)
  const ratio = pipe.perSecond / queue.perSecond
  const measured = Number.isFinite(ratio) && ratio > 0
  const show = (r: Rate): string =>
    `${r.got} of ${n} (${r.put} sent) in ${r.ms.toFixed(1)} ms: ${Math.round(r.perSecond)} msg/s`
  return [
    check(
      `all ${n} messages crossed the pipe`,
      `메시지 ${n}개가 모두 파이프를 건넘`,
      pipe.put === n && pipe.got === n,
      show(pipe)
    ),
    check(
      `all ${n} messages crossed the queue`,
      `메시지 ${n}개가 모두 큐를 건넘`,
      queue.put === n && queue.got === n,
      show(queue)
    ),
    check(
      'messages per second measured for both; the ratio as observed',
      '양쪽의 초당 메시지 수를 측정하고, 관찰된 비율을 그대로 보고',
      measured,
      `pipe ${Math.round(pipe.perSecond)} msg/s, queue ${Math.round(queue.perSecond)} msg/s: pipe/queue = ${ratio.toFixed(2)}×`
    ),
    check(
      `the tutorial's claim: a Pipe is several times (≥ ${CLAIM}×) faster than a Queue`,
      `튜토리얼의 주장: Pipe가 Queue보다 몇 배(${CLAIM}배 이상) 빠름`,
      true,
      measured && ratio >= CLAIM
        ? `observed: the pipe was ${ratio.toFixed(2)}× as fast`
        : `not observed this time: pipe/queue = ${ratio.toFixed(2)}× on this machine`,
      measured && ratio >= CLAIM ? undefined : 'not-observed'
    ),
    exitedCleanly(events, [...receivers, ...senders], 'stream process', '스트림 프로세스')
  ]
}
