// The texts of the `pool-apply` verdict's own checks (ids 'poolApply.*'); the pool's are the kit's.
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const poolApplyTexts = defineCheckTexts({
  'poolApply.one': { en: 'one task, run by one worker', ko: '태스크 하나를 워커 하나가 실행' },
  'poolApply.one.seen': {
    en: 'task {task} ran on worker pid {worker}',
    ko: '태스크 {task}가 워커 PID {worker}에서 실행됨'
  },
  'poolApply.one.none': { en: 'no task ended', ko: '끝난 태스크가 없음' },
  'poolApply.result': { en: 'the result is {x}² = {square}', ko: '결과는 {x}² = {square}' },
  'poolApply.result.seen': { en: 'get() returned {got}', ko: 'get()이 {got}을 반환' }
})
