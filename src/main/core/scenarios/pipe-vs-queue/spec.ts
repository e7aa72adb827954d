// The `pipe-vs-queue` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, d, int } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'pipe-vs-queue',
  title: d('Pipe vs Queue speed', 'Pipe와 Queue 속도 비교'),
  summary: d(
    'The tutorial says a Pipe is several times faster than a Queue but safe for two endpoints only. The same stream of messages goes through a Pipe and through a Queue.',
    '튜토리얼은 Pipe가 Queue보다 몇 배 빠르지만 끝점이 둘일 때만 안전하다고 말합니다. 같은 메시지 흐름을 Pipe와 Queue로 각각 보냅니다.'
  ),
  watch: d(
    "Messages per second for each, measured in this run from the moment the host opens the start gate to the last message received, and their ratio. The tutorial's claim is reported as observed or not observed on this machine.",
    '이번 실행에서 호스트가 시작 게이트를 연 순간부터 마지막 메시지를 받을 때까지 측정한 각각의 초당 메시지 수와 그 비율을 보세요. 튜토리얼의 주장이 이 컴퓨터에서 관찰되었는지도 알려 줍니다.'
  ),
  params: [
    int(
      'messages',
      100_000,
      1,
      10_000_000,
      d('messages sent through each', '각각으로 보낼 메시지 수')
    ),
    int('bytes', 64, 0, 1_048_576, d('payload size of each message', '메시지 하나의 크기(바이트)')),
    PACE_PARAM
  ]
}
