// The `pipe-vs-queue` verdict: messages per second through each, from the run's own events,
// and the tutorial's claim reported as observed or not.
import type { Check, RunEvent } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { checker, eventsOf, exitedCleanly, markTime, messagesOf, spawned } from '../kit/verdictKit'
import type { VerdictContext } from '../Verdict'
import { pipeVsQueueTexts } from './texts'

const { check } = checker(pipeVsQueueTexts)

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
): Check[] {
  const n = Number(params.messages)
  const receivers = spawned(events, 'receiver')
  const senders = spawned(events, 'sender')
  const pipe = rate(events, 'pipe', 'pipe.send', 'pipe.recv', PIPE)
  const queue = rate(events, 'queue', 'queue.put', 'queue.get', QUEUE)
  const ratio = pipe.perSecond / queue.perSecond
  const measured = Number.isFinite(ratio) && ratio > 0
  const figures = (r: Rate) => ({ n, got: r.got, sent: r.put, ms: r.ms, rate: r.perSecond })
  const rates = {
    pipeRate: pipe.perSecond,
    queueRate: queue.perSecond,
    ratio: measured ? ratio : undefined,
    claim: CLAIM
  }
  return [
    check('pvq.pipe', pipe.put === n && pipe.got === n, figures(pipe), 'pvq.crossed.seen'),
    check('pvq.queue', queue.put === n && queue.got === n, figures(queue), 'pvq.crossed.seen'),
    check('pvq.rates', measured, rates, 'pvq.rates.seen'),
    measured && ratio >= CLAIM
      ? check('pvq.claim', true, rates, 'pvq.claim.seen')
      : check('pvq.claim', true, rates, 'pvq.claim.none', 'not-observed'),
    exitedCleanly(events, [...receivers, ...senders], 'stream')
  ]
}
