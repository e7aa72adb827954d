// The `queue` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, d, int } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'queue',
  title: d('Queue', '큐(Queue)'),
  summary: d(
    'A Queue is a process-safe channel: several sender processes put one greeting each, and the host gets some of them.',
    '큐는 process-safe한 통신 수단입니다. 송신 프로세스 여러 개가 인사말을 하나씩 넣고, 호스트가 그중 일부를 꺼냅니다.'
  ),
  watch: d(
    'The queue depth rises as senders put and falls as the host gets. As in the tutorial, the host reads 2 of 3 messages: one is left unread at the end. Arrival order is not guaranteed. With maxsize > 0 a full queue blocks put; if more messages stay unread than it holds, Python would hang: here the host closes the queue at the end and the blocked senders give up.',
    '송신자가 넣을 때 큐 깊이가 올라가고 호스트가 꺼낼 때 내려갑니다. 튜토리얼처럼 메시지 3개 중 2개만 읽으므로 마지막에 1개가 남습니다. 도착 순서는 보장되지 않습니다. maxsize > 0이면 가득 찬 큐에서 put이 막힙니다. 읽지 않은 메시지가 큐 용량보다 많으면 파이썬은 멈춰 버리지만, 여기서는 호스트가 마지막에 큐를 닫아 막힌 송신자들이 포기합니다.'
  ),
  params: [
    int('senders', 3, 1, 256, d('number of sender processes', '송신 프로세스 수')),
    int('reads', 2, 0, 256, d('messages the host gets', '호스트가 꺼낼 메시지 수')),
    int('maxsize', 0, 0, 10_000, d('queue capacity (0 = unbounded)', '큐 용량 (0 = 무제한)')),
    PACE_PARAM
  ]
}
