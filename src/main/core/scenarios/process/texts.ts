// The texts of the `process` verdict's checks (ids 'process.*').
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const processTexts = defineCheckTexts({
  'process.distinct': { en: '{n} distinct child PIDs', ko: '자식 프로세스 {n}개, PID가 모두 다름' },
  'process.distinct.seen': {
    en: '{spawned} spawned, {distinct} distinct: {pids}',
    ko: '{spawned}개 생성, 서로 다른 PID {distinct}개: {pids}'
  },
  'process.parent': {
    en: "every child's parent is the host (as the host saw it and as the child printed it)",
    ko: '모든 자식의 부모가 호스트 (호스트가 본 값과 자식이 출력한 값 모두)'
  },
  'process.parent.seen': {
    en: 'host PID {host}; {printed} children printed parent pid {host}',
    ko: '호스트 PID {host}; 자식 {printed}개가 부모 PID {host}를 출력'
  },
  'process.parent.each': {
    en: 'pid {pid}: spawned with ppid {ppid}, printed {printed}',
    ko: 'PID {pid}: 생성 시 PPID {ppid}, 출력한 값 {printed}'
  },
  'process.alive': {
    en: 'is_alive() is false after each child exited',
    ko: '각 자식이 종료된 뒤 is_alive()는 False'
  },
  'process.alive.seen': {
    en: '{dead} of {reported} report is_alive() false',
    ko: '보고한 {reported}개 중 {dead}개가 is_alive() False'
  },
  'process.joinAll': {
    en: 'join=all: the host moved on only after every child exited',
    ko: 'join=all: 모든 자식이 종료된 뒤에야 호스트가 다음으로 넘어감'
  },
  'process.joinAll.seen': {
    en: 'host moved on at {at:1} ms; {exited} of {n} children had exited',
    ko: '호스트가 {at:1}ms에 다음으로 넘어감; 자식 {n}개 중 {exited}개가 이미 종료'
  },
  'process.joinAll.never': {
    en: 'the host never finished joining',
    ko: '호스트의 join이 끝나지 않음'
  },
  'process.joinLast': {
    en: 'join=last: the host moved on while other children still ran',
    ko: 'join=last: 다른 자식이 아직 실행 중일 때 호스트가 다음으로 넘어감'
  },
  'process.joinLast.seen': {
    en: 'join returned at {at:1} ms; {running} other child(ren) still running (pid {pids})',
    ko: 'join이 {at:1}ms에 반환됨; 다른 자식 {running}개가 아직 실행 중 (PID {pids})'
  },
  'process.joinLast.none': {
    en: 'join returned at {at:1} ms; every other child had already exited this time',
    ko: 'join이 {at:1}ms에 반환됨; 이번에는 다른 자식이 모두 이미 종료됨'
  },
  'process.joinLast.never': {
    en: "the host's join of the last child never returned",
    ko: '마지막 자식에 대한 호스트의 join이 반환되지 않음'
  }
})
