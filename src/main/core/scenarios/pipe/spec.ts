// The `pipe` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, d, int } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'pipe',
  title: d('Pipe', '파이프(Pipe)'),
  summary: d(
    'A Pipe joins exactly two endpoints. A sender child sends a message and closes its end; a receiver child receives it and prints it.',
    '파이프는 정확히 두 끝점을 잇습니다. 송신 자식이 메시지를 보내고 자기 끝을 닫으면, 수신 자식이 받아서 출력합니다.'
  ),
  watch: d(
    'Two processes joined by one channel; the message crossing it (bytes, time) directly between the children; the channel closing.',
    '하나의 채널로 이어진 두 프로세스, 자식 사이를 직접 건너는 메시지(바이트, 시간), 채널이 닫히는 순간을 보세요.'
  ),
  params: [
    {
      name: 'message',
      type: 'string',
      default: 'Hello World',
      min: 0,
      max: 10_000,
      description: d('the message sent', '보낼 메시지')
    },
    int('count', 1, 1, 100_000, d('how many times it is sent', '보내는 횟수')),
    PACE_PARAM
  ]
}
