// The `pipe` verdict: the messages crossed from one child to the other, not through the host,
// and the sender's close reached the receiver.
import { checker, eventsOf, exitedCleanly, messagesOf, spawned, startedBy } from '../kit/verdictKit'
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { pipeTexts } from './texts'

const { check } = checker(pipeTexts)

export const PIPE = 'pipe'

export function pipeVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): Check[] {
  const count = Number(params.count)
  const [sender] = spawned(events, 'sender')
  const [receiver] = spawned(events, 'receiver')
  const pipeEvents = [...eventsOf(events, 'pipe.send'), ...eventsOf(events, 'pipe.recv')].filter(
    (e) => e.pipe === PIPE
  )
  const sends = pipeEvents.filter((e) => e.type === 'pipe.send' && e.pid === sender?.pid)
  const recvs = pipeEvents.filter((e) => e.type === 'pipe.recv' && e.pid === receiver?.pid)
  const byHost = pipeEvents.filter((e) => e.pid === hostPid)
  const bytes = (list: typeof pipeEvents): number => list.reduce((s, e) => s + e.bytes, 0)
  const lastSend = sends.at(-1)?.t ?? Infinity
  const closed = eventsOf(events, 'pipe.close').find(
    (e) => e.pipe === PIPE && e.pid === sender?.pid
  )
  const r = result as { received?: number; allMatch?: boolean } | undefined
  const ids = { sender: sender?.pid, receiver: receiver?.pid }
  return [
    check(
      'pipe.joined',
      !!sender && !!receiver && startedBy(sender) === hostPid && startedBy(receiver) === hostPid,
      { ...ids, parent: sender?.ppid },
      'pipe.joined.seen'
    ),
    check(
      'pipe.crossed',
      messagesOf(sends) === count && messagesOf(recvs) === count && bytes(sends) === bytes(recvs),
      {
        ...ids,
        count,
        sent: messagesOf(sends),
        sentBytes: bytes(sends),
        received: messagesOf(recvs),
        receivedBytes: bytes(recvs)
      },
      'pipe.crossed.seen'
    ),
    check(
      'pipe.direct',
      byHost.length === 0 && pipeEvents.length === sends.length + recvs.length,
      { byHost: byHost.length, byOthers: pipeEvents.length - sends.length - recvs.length },
      'pipe.direct.seen'
    ),
    check(
      'pipe.same',
      r?.received === count && r.allMatch === true,
      { received: r?.received },
      r?.allMatch ? 'pipe.same.seen' : 'pipe.same.bad'
    ),
    check(
      'pipe.closed',
      !!closed && closed.t >= lastSend,
      { at: closed?.t },
      closed ? 'pipe.closed.seen' : 'pipe.closed.none'
    ),
    exitedCleanly(
      events,
      [sender, receiver].filter((p) => p !== undefined),
      'pipe'
    )
  ]
}
