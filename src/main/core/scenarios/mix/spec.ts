// The `mix` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { JITTER, PACE_PARAM, PIECES, PROCESSES, d } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'mix',
  title: d('Output mixing without a lock', 'lock 없이 섞이는 출력'),
  summary: d(
    'Several processes print a line each, written in pieces with small random pauses, with no lock: their output can interleave.',
    '여러 프로세스가 한 줄씩 출력하되, 작은 무작위 대기를 두고 여러 조각으로 나누어 쓰며 lock을 쓰지 않습니다. 출력이 섞일 수 있습니다.'
  ),
  watch: d(
    'Lines of different processes interleave in the console (per-process colour), and the timeline shows their writes overlapping. The writers are forked one after another and start writing together when the host opens a start gate (a small queue).',
    '콘솔에서 여러 프로세스의 줄이 섞이고(프로세스별 색), 타임라인에서 쓰기가 겹치는 것을 보세요. 쓰는 프로세스들은 차례로 만들어진 뒤, 호스트가 시작 게이트(작은 큐)를 열면 함께 쓰기 시작합니다.'
  ),
  params: [PROCESSES(3), PIECES, JITTER, PACE_PARAM]
}
