// The texts of the `pool-map` verdict's own checks (ids 'poolMap.*'); the pool's are the kit's.
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const poolMapTexts = defineCheckTexts({
  'poolMap.squares': {
    en: 'the result is the squares of 1..items, in order',
    ko: '결과는 1..items의 제곱을 순서대로 나열한 목록'
  },
  'poolMap.squares.seen': { en: '[{shown}]', ko: '[{shown}]' },
  'poolMap.squares.long': {
    en: '[{shown}, …] ({count} in all)',
    ko: '[{shown}, …] (모두 {count}개)'
  },
  'poolMap.squares.bad': {
    en: 'item {item}: got {got} ({count} results)',
    ko: '{item}번째 항목: {got}을 받음 (결과 {count}개)'
  },
  'poolMap.reused': {
    en: 'workers were reused (more tasks than workers)',
    ko: '워커가 재사용됨 (태스크가 워커보다 많음)'
  },
  'poolMap.reused.seen': {
    en: '{tasks} tasks on {workers} workers: {each} each',
    ko: '태스크 {tasks}개를 워커 {workers}개가 실행: 각각 {each}개'
  },
  'poolMap.reused.moot': {
    en: '{tasks} task(s) for {size} worker(s): no reuse needed',
    ko: '워커 {size}개에 태스크 {tasks}개: 재사용할 필요 없음'
  },
  'poolMap.emptied': { en: "the pool's task queue emptied", ko: '풀의 태스크 큐가 비워짐' },
  'poolMap.emptied.seen': {
    en: 'peak depth {peak}, final {final}',
    ko: '최대 깊이 {peak}, 최종 깊이 {final}'
  }
})
