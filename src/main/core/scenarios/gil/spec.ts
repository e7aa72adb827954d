// The `gil` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, d, int } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'gil',
  title: d('Processes vs threads (GIL)', '멀티프로세싱과 스레딩 (GIL)'),
  summary: d(
    'The same CPU-bound work split N ways: (a) N tasks interleaved on one event loop in one process — like Python threads under the GIL, one runs at a time; (b) N worker processes, which run in parallel on all cores; (c) optionally N worker_threads in one process — unlike CPython threads, Node threads do run in parallel.',
    '같은 CPU 작업을 N개로 나눕니다. (a) 한 프로세스의 이벤트 루프에서 N개 작업을 번갈아 실행 — GIL 아래의 파이썬 스레드처럼 한 번에 하나만 실행됩니다. (b) N개의 워커 프로세스 — 모든 코어에서 병렬로 실행됩니다. (c) 선택: 한 프로세스 안의 worker_threads N개 — CPython 스레드와 달리 Node 스레드는 병렬로 실행됩니다.'
  ),
  watch: d(
    'The per-core CPU chart: phase (a) keeps about one core busy, phases (b) and (c) use all cores; the wall times side by side (the log marks where each phase begins and ends).',
    '코어별 CPU 차트에서 (a) 단계는 코어 하나 정도만, (b)와 (c) 단계는 모든 코어를 쓰는 것을 보고, 단계별 경과 시간을 비교하세요 (로그에 각 단계의 시작과 끝이 표시됩니다).'
  ),
  params: [
    int(
      'workers',
      2,
      1,
      64,
      d(
        'number of ways to split the work (default: one per core, at least 2)',
        '작업을 나눌 수 (기본: 코어 수, 최소 2)'
      )
    ),
    int('workMs', 1000, 10, 60_000, d('CPU work per worker, ms', '워커당 CPU 작업 시간(ms)')),
    {
      name: 'threads',
      type: 'enum',
      default: 'on',
      options: ['on', 'off'],
      description: d(
        'also run phase (c): N worker_threads in one process',
        '(c) 단계도 실행: 한 프로세스 안의 worker_threads N개'
      )
    },
    PACE_PARAM
  ]
}
