// The texts of the `mix` verdict's own check (ids 'mix.*'); the writers' are the kit's.
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const mixTexts = defineCheckTexts({
  'mix.overlap': {
    en: 'writes from different processes overlapped (lines interleaved)',
    ko: '서로 다른 프로세스의 쓰기가 겹침 (줄이 섞임)'
  },
  'mix.overlap.seen': {
    en: "{interrupted} of {lines} lines were interrupted by another process's writes (pid {pids})",
    ko: '{lines}줄 중 {interrupted}줄이 다른 프로세스의 쓰기로 끊김 (PID {pids})'
  },
  'mix.overlap.none': {
    en: 'not observed this time: every line came out whole ({lines} lines); run it again or raise jitterMs',
    ko: '이번에는 관찰되지 않음: {lines}줄 모두 끊기지 않고 출력됨; 다시 실행하거나 jitterMs를 늘려 보세요'
  },
  'mix.overlap.one': {
    en: 'one writer cannot overlap with another',
    ko: '쓰기 프로세스가 하나면 다른 프로세스와 겹칠 수 없음'
  }
})
