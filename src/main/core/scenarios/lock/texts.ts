// The texts of the `lock` verdict's own checks (ids 'lock.*'); the writers' are the kit's.
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const lockTexts = defineCheckTexts({
  'lock.spans': {
    en: 'no two lock hold spans overlap',
    ko: 'lock 보유 구간이 서로 겹치지 않음'
  },
  'lock.spans.seen': {
    en: '{holds} holds by {holders} processes, {overlapping} overlapping',
    ko: '프로세스 {holders}개가 {holds}번 보유, 겹친 구간 {overlapping}개'
  },
  'lock.inside': {
    en: 'every write happened while its writer held the lock',
    ko: '모든 쓰기가 그 프로세스가 lock을 잡고 있는 동안 일어남'
  },
  'lock.inside.seen': {
    en: '{inside} pieces inside a hold, {outside} outside',
    ko: '보유 구간 안에서 {inside}조각, 밖에서 {outside}조각'
  },
  'lock.whole': {
    en: 'no line was interrupted by another process',
    ko: '다른 프로세스 때문에 끊긴 줄이 없음'
  },
  'lock.whole.seen': {
    en: '{whole} of {lines} lines whole',
    ko: '{lines}줄 중 {whole}줄이 끊기지 않음'
  },
  'lock.waited': {
    en: 'writers waited for the lock',
    ko: '쓰기 프로세스들이 lock을 기다림'
  },
  'lock.waited.seen': {
    en: '{waits} wait(s) by pid {pids}',
    ko: 'PID {pids}가 {waits}번 기다림'
  },
  'lock.waited.none': {
    en: 'not observed this time: each writer found the lock free',
    ko: '이번에는 관찰되지 않음: 모든 쓰기 프로세스가 lock이 비어 있을 때 잡음'
  },
  'lock.waited.one': { en: 'one writer never waits', ko: '쓰기 프로세스가 하나면 기다릴 일이 없음' }
})
