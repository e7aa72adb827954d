// The texts of a watched program's check (ids 'program.*').
import { defineCheckTexts } from '../../../shared/checkTexts'

export const programTexts = defineCheckTexts({
  'program.exit': { en: 'the program exited with code 0', ko: '프로그램이 코드 0으로 종료' },
  'program.exit.code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'program.exit.signal': { en: 'killed by {signal}', ko: '{signal} 시그널로 강제 종료' },
  'program.exit.unknown': {
    en: 'killed by an unknown cause',
    ko: '알 수 없는 원인으로 강제 종료'
  },
  'program.uninstrumented': { en: '(uninstrumented)', ko: '(계측 안 됨)' }
})
