// The `lock` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { JITTER, PACE_PARAM, PIECES, PROCESSES, d } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'lock',
  title: d('Lock', 'Lock으로 동기화하기'),
  summary: d(
    'The same writers, but each holds one Lock around its whole line: only one process writes at a time.',
    '같은 쓰기 작업이지만 각 프로세스가 한 줄 전체를 쓰는 동안 Lock을 잡습니다. 한 번에 한 프로세스만 씁니다.'
  ),
  watch: d(
    "Lines never interleave; the timeline's lock wait and hold spans never overlap; the lock's waiting count over time. The writers start together when the host opens a start gate, so they compete for the lock.",
    '줄이 섞이지 않고, 타임라인의 lock 대기·보유 구간이 겹치지 않으며, 시간에 따른 lock 대기 수를 보세요. 호스트가 시작 게이트를 열면 모두 함께 시작하므로 lock을 두고 경쟁합니다.'
  ),
  params: [PROCESSES(3), PIECES, JITTER, PACE_PARAM]
}
