// The texts of the checks several scenarios share (kit/verdictKit, poolChecks, writerChecks)
// and of the run's own (a verdict that threw). Every id is prefixed 'kit.'.
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const kitTexts = defineCheckTexts({
  'kit.exited.worker': {
    en: 'every worker exited with code 0',
    ko: '워커가 모두 코드 0으로 종료'
  },
  'kit.exited.child': {
    en: 'every child exited with code 0',
    ko: '자식 프로세스가 모두 코드 0으로 종료'
  },
  'kit.exited.sender': {
    en: 'every sender exited with code 0',
    ko: '송신 프로세스가 모두 코드 0으로 종료'
  },
  'kit.exited.pipe': {
    en: 'every pipe process exited with code 0',
    ko: '파이프 프로세스가 모두 코드 0으로 종료'
  },
  'kit.exited.stream': {
    en: 'every stream process exited with code 0',
    ko: '스트림 프로세스가 모두 코드 0으로 종료'
  },
  'kit.exited.writer': {
    en: 'every writer exited with code 0',
    ko: '쓰기 프로세스가 모두 코드 0으로 종료'
  },
  'kit.exited.seen': { en: '{n} exited with code 0', ko: '{n}개가 코드 0으로 종료' },
  'kit.exited.bad': { en: 'pid {pid}: code {code}', ko: 'PID {pid}: 종료 코드 {code}' },
  'kit.exited.signal': {
    en: 'pid {pid}: killed by {signal}',
    ko: 'PID {pid}: {signal} 시그널로 강제 종료'
  },
  'kit.exited.none': { en: 'pid {pid}: no exit', ko: 'PID {pid}: 종료되지 않음' },

  'kit.verdict.threw': { en: 'verdict computed', ko: '판정 계산' },
  'kit.verdict.threw.seen': {
    en: 'the verdict threw {error}: {message}',
    ko: '판정 코드가 예외를 던짐: {error}: {message}'
  },

  'kit.pool.workers': {
    en: 'a pool of {size} worker processes, children of the host',
    ko: '워커 프로세스 {size}개의 풀, 모두 호스트의 자식'
  },
  'kit.pool.workers.seen': {
    en: '{count} workers: {pids}',
    ko: '워커 {count}개: PID {pids}'
  },
  'kit.pool.tasks': {
    en: 'every task ran on one of the pool’s workers and ended ok',
    ko: '모든 태스크가 풀의 워커에서 실행되어 정상 종료'
  },
  'kit.pool.tasks.seen': {
    en: '{queued} queued, {ok} ended ok',
    ko: '{queued}개 대기열에 들어감, {ok}개 정상 종료'
  },
  'kit.pool.tasks.ran': { en: 'pid {pid} ran {tasks}', ko: 'PID {pid}가 {tasks}개 실행' },
  'kit.pool.distinct': {
    en: 'at most {size} distinct worker PIDs ran tasks',
    ko: '태스크를 실행한 워커 PID는 최대 {size}개'
  },
  'kit.pool.distinct.seen': {
    en: '{count} distinct worker PID(s)',
    ko: '서로 다른 워커 PID {count}개'
  },

  'kit.writers': {
    en: '{n} writer processes with distinct PIDs, children of the host',
    ko: '쓰기 프로세스 {n}개, PID가 모두 다르고 모두 호스트의 자식'
  },
  'kit.writers.seen': { en: '{count} writers: {pids}', ko: '쓰기 프로세스 {count}개: PID {pids}' },
  'kit.writers.whole': {
    en: 'every writer wrote its whole line',
    ko: '모든 쓰기 프로세스가 자기 줄을 끝까지 씀'
  },
  'kit.writers.whole.seen': {
    en: '{lines} lines in {pieces} pieces',
    ko: '{lines}줄을 {pieces}조각으로 씀'
  },
  'kit.writers.whole.bad': {
    en: 'incomplete: pid {pids}',
    ko: '끝까지 쓰지 못함: PID {pids}'
  }
})
