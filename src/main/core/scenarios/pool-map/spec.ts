// The `pool-map` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, POOL_SIZE, d, int } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'pool-map',
  title: d('Pool: map', 'Pool: map'),
  summary: d(
    'map(square, [1..items]) splits the items over the pool; when there are more items than workers, workers are reused as they become free.',
    'map(square, [1..items])은 항목을 풀에 나누어 맡깁니다. 항목이 워커보다 많으면 일이 끝난 워커가 다시 쓰입니다.'
  ),
  watch: d(
    "The result is the list of squares in order. With more items than workers (e.g. items=20, processes=3, taskMs=50) the task stream shows workers being reused and the pool's task-queue depth falling.",
    '결과는 순서대로의 제곱 목록입니다. 항목이 워커보다 많으면(예: items=20, processes=3, taskMs=50) 워커가 재사용되고 풀의 태스크 큐 깊이가 줄어드는 것을 보세요.'
  ),
  params: [
    POOL_SIZE(5),
    int('items', 3, 1, 100_000, d('map over 1..items', '1..items에 대해 map')),
    int('taskMs', 0, 0, 60_000, d('CPU work per task, ms', '태스크당 CPU 작업 시간(ms)')),
    PACE_PARAM
  ]
}
