// The texts of the `queue` verdict's checks (ids 'queue.*').
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const queueTexts = defineCheckTexts({
  'queue.senders': {
    en: '{n} sender processes, children of the host',
    ko: '송신 프로세스 {n}개, 모두 호스트의 자식'
  },
  'queue.senders.seen': {
    en: '{count} senders, PPIDs {ppids} (host {host})',
    ko: '송신 프로세스 {count}개, PPID {ppids} (호스트 {host})'
  },
  'queue.puts': {
    en: 'every message put came from a sender',
    ko: '큐에 들어간 메시지는 모두 송신 프로세스가 넣은 것'
  },
  'queue.puts.seen': {
    en: '{puts} put by {by} senders',
    ko: '송신 프로세스 {by}개가 {puts}개를 넣음'
  },
  'queue.puts.blocked': {
    en: '{puts} put by {by} senders, {blocked} gave up blocked',
    ko: '송신 프로세스 {by}개가 {puts}개를 넣음, {blocked}개는 막힌 채 포기'
  },
  'queue.rose': { en: 'the queue depth rose to at least 1', ko: '큐 깊이가 1 이상으로 올라감' },
  'queue.rose.seen': { en: 'peak depth {peak}', ko: '최대 깊이 {peak}' },
  'queue.got': {
    en: 'the host got {read} message(s)',
    ko: '호스트가 메시지 {read}개를 꺼냄'
  },
  'queue.got.seen': {
    en: '{gets} got by the host (messages #{msgs} in that order)',
    ko: '호스트가 {gets}개를 꺼냄 (메시지 #{msgs} 순서)'
  },
  'queue.got.none': { en: '{gets} got by the host', ko: '호스트가 {gets}개를 꺼냄' },
  'queue.left': {
    en: '{left} message(s) left unread at the end (final depth = puts − gets)',
    ko: '마지막에 읽지 않은 메시지 {left}개가 남음 (최종 깊이 = put 수 − get 수)'
  },
  'queue.left.seen': {
    en: 'final depth {final}: {puts} put − {gets} got',
    ko: '최종 깊이 {final}: put {puts}개 − get {gets}개'
  },
  'queue.full': {
    en: 'a full queue (maxsize {maxsize}) blocked put',
    ko: '가득 찬 큐(maxsize {maxsize})에서 put이 막힘'
  },
  'queue.full.seen': {
    en: '{waits} put(s) waited on a full queue; {blocked} went in once a get made room',
    ko: 'put {waits}번이 가득 찬 큐에서 기다림; {blocked}개는 get으로 자리가 나자 들어감'
  },
  'queue.full.moot': {
    en: '{n} sender(s) cannot fill a queue of {maxsize}',
    ko: '송신 프로세스 {n}개로는 크기 {maxsize}인 큐를 채울 수 없음'
  }
})
