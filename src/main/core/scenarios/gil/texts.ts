// The texts of the `gil` verdicts' checks (ids 'gil.*'): the Node re-enactment's and the
// CPython lesson's (src/main/core/python/lessonVerdicts.ts), and why a check is inconclusive.
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const gilTexts = defineCheckTexts({
  'gil.serial': {
    en: '(a) one event loop keeps about one core busy (≤ {max})',
    ko: '(a) 이벤트 루프 하나는 코어 약 1개만 사용 (≤ {max})'
  },
  'gil.processes': {
    en: '(b) {n} worker processes keep ≥ {min} cores busy',
    ko: '(b) 워커 프로세스 {n}개가 코어 {min}개 이상을 사용'
  },
  'gil.threads': {
    en: '(c) {n} worker_threads keep ≥ {min} cores busy',
    ko: '(c) worker_threads {n}개가 코어 {min}개 이상을 사용'
  },
  'gil.wall': {
    en: 'wall times side by side: (b) finished the same work faster than (a)',
    ko: '경과 시간 비교: (b)가 같은 작업을 (a)보다 빨리 끝냄'
  },
  'gil.wall.seen': {
    en: '(a) {a:0} ms, (b) {b:0} ms; (a)/(b) = {ratio:2}',
    ko: '(a) {a:0}ms, (b) {b:0}ms; (a)/(b) = {ratio:2}'
  },
  'gil.wall.threads': { en: '(c) {c:0} ms', ko: '(c) {c:0}ms' },
  'gil.work': { en: 'every piece of work completed', ko: '모든 작업이 완료됨' },
  'gil.work.seen': {
    en: '{ok} of {ended} tasks ok (calibration, (a), {n}× (b))',
    ko: '태스크 {ended}개 중 {ok}개 정상 (보정, (a), (b) {n}개)'
  },
  'gil.work.threads': {
    en: '{ok} of {ended} tasks ok (calibration, (a), {n}× (b), (c))',
    ko: '태스크 {ended}개 중 {ok}개 정상 (보정, (a), (b) {n}개, (c))'
  },

  'gil.phase.seen': {
    en: 'mean {run:2} busy cores by this run (machine {machine:2} of {cores}), {samples} samples, wall {ms:0} ms',
    ko: '이 실행이 평균 코어 {run:2}개 사용 (컴퓨터 전체 {cores}개 중 {machine:2}개 사용 중), 표본 {samples}개, 경과 {ms:0}ms'
  },
  'gil.phase.missing': {
    en: 'phase ({phase}) did not run',
    ko: '({phase}) 단계가 실행되지 않음'
  },
  'gil.phase.unsampled': {
    en: 'no samples during phase ({phase}) ({ms:0} ms)',
    ko: '({phase}) 단계 동안 표본 없음 ({ms:0}ms)'
  },

  'gil.why.oneCore': {
    en: 'this machine has {cores} core(s): nothing to run in parallel on',
    ko: '이 컴퓨터의 코어는 {cores}개뿐: 병렬로 실행할 곳이 없음'
  },
  'gil.why.oneWorker': {
    en: 'workers={n}: one worker cannot keep two cores busy',
    ko: 'workers={n}: 워커 하나로는 코어 두 개를 쓸 수 없음'
  },
  'gil.why.crowded': {
    en: 'other programs kept {others:2} of {cores} cores busy meanwhile, leaving {free:2} (≥ {needed:2} needed to judge)',
    ko: '그동안 다른 프로그램이 코어 {cores}개 중 {others:2}개를 사용해 {free:2}개만 남음 (판정하려면 {needed:2}개 이상 필요)'
  },

  'gil.cpython.serial': {
    en: '(a) {n} threads keep about one core busy (≤ {max}): the GIL',
    ko: '(a) 스레드 {n}개는 코어 약 1개만 사용 (≤ {max}): GIL'
  },
  'gil.cpython.processes': {
    en: '(b) {n} processes keep ≥ {min} cores busy',
    ko: '(b) 프로세스 {n}개가 코어 {min}개 이상을 사용'
  }
})
