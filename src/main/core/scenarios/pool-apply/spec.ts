// The `pool-apply` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, POOL_SIZE, d, int } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'pool-apply',
  title: d('Pool: apply_async', 'Pool: apply_async'),
  summary: d(
    'A Pool keeps a fixed number of worker processes and hands each task to a free one. apply_async(square, 10) runs one task asynchronously; get() waits for its result.',
    'Pool은 정해진 수의 워커 프로세스를 두고 비어 있는 워커에 태스크를 맡깁니다. apply_async(square, 10)은 태스크 하나를 비동기로 실행하고, get()으로 결과를 기다립니다.'
  ),
  watch: d(
    'A pool of worker processes; the one task, the worker that ran it, and the result (100).',
    '워커 프로세스 풀, 태스크 하나와 그것을 실행한 워커, 결과(100)를 보세요.'
  ),
  params: [
    POOL_SIZE(4),
    int('x', 10, -1_000_000, 1_000_000, d('the number to square', '제곱할 수')),
    PACE_PARAM
  ]
}
