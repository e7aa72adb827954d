// The texts of the `hello` verdict's checks (ids 'hello.*').
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const helloTexts = defineCheckTexts({
  'hello.spawned': { en: 'one child process spawned', ko: '자식 프로세스 1개 생성' },
  'hello.spawned.seen': { en: '{count} spawned', ko: '{count}개 생성' },
  'hello.ppid': {
    en: "the child's own PPID is the host's PID",
    ko: '자식이 스스로 확인한 PPID가 호스트의 PID와 같음'
  },
  'hello.ppid.seen': {
    en: 'child says PPID {said}, host PID {host}',
    ko: '자식이 말한 PPID {said}, 호스트 PID {host}'
  },
  'hello.pid': {
    en: 'the PID the host saw is the one the child printed',
    ko: '호스트가 본 PID와 자식이 출력한 PID가 같음'
  },
  'hello.pid.seen': {
    en: 'spawned {spawned}, child says {said}',
    ko: '생성된 PID {spawned}, 자식이 말한 PID {said}'
  },
  'hello.exit': { en: 'the child exited with code 0', ko: '자식이 코드 0으로 종료' },
  'hello.exit.seen': {
    en: 'code {code}, signal {signal}',
    ko: '종료 코드 {code}, 시그널 {signal}'
  },
  'hello.exit.none': { en: 'no exit', ko: '종료되지 않음' }
})
