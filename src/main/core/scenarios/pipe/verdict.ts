// The `pipe` verdict: the messages crossed from one child to the other, not through the host,
// and the sender's close reached the receiver.
import { check, eventsOf, exitedCleanly, messagesOf, spawned, startedBy } from '../kit/verdictKit'
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

export const PIPE = 'pipe'

export function pipeVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): LabelledCheck[] {
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
  return [
    check(
      'two child processes joined by one pipe',
      '파이프 하나로 이어진 자식 프로세스 2개',
      !!sender && !!receiver && startedBy(sender) === hostPid && startedBy(receiver) === hostPid,
      `sender pid ${sender?.pid}, receiver pid ${receiver?.pid}, parent ${sender?.ppid}`
    ),
    check(
      `the message crossed the pipe ${count} time(s), sender to receiver`,
      `메시지가 송신자에서 수신자로 파이프를 ${count}번 건넘`,
      messagesOf(sends) === count && messagesOf(recvs) === count && bytes(sends) === bytes(recvs),
      `${messagesOf(sends)} sent (${bytes(sends)} bytes) by pid ${sender?.pid}, ${messagesOf(recvs)} received (${bytes(recvs)} bytes) by pid ${receiver?.pid}`
    ),
    check(
      'the bytes went directly between the children (the host sent and received none)',
      '바이트가 자식 사이를 직접 오감 (호스트는 보내지도 받지도 않음)',
      byHost.length === 0 && pipeEvents.length === sends.length + recvs.length,
      `${byHost.length} pipe send/recv by the host, ${pipeEvents.length - sends.length - recvs.length} by others`
    ),
    check(
      'the receiver got exactly what was sent',
      '수신자가 보낸 그대로 받음',
      r?.received === count && r.allMatch === true,
      `${r?.received} received, ${r?.allMatch ? 'all equal to the message' : 'not all equal to the message'}`
    ),
    check(
      "the sender closed its end after its last send (the receiver's EOF)",
      '송신자가 마지막으로 보낸 뒤 자기 끝을 닫음 (수신자가 받는 EOF)',
      !!closed && closed.t >= lastSend,
      closed ? `closed at ${closed.t.toFixed(1)} ms` : 'no close by the sender'
    ),
    exitedCleanly(
      events,
      [sender, receiver].filter((p) => p !== undefined),
      'pipe process',
      '파이프 프로세스'
    )
  ]
}
