// The texts of the `pipe` verdict's checks (ids 'pipe.*').
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const pipeTexts = defineCheckTexts({
  'pipe.joined': {
    en: 'two child processes joined by one pipe',
    ko: '파이프 하나로 이어진 자식 프로세스 2개'
  },
  'pipe.joined.seen': {
    en: 'sender pid {sender}, receiver pid {receiver}, parent {parent}',
    ko: '송신자 PID {sender}, 수신자 PID {receiver}, 부모 {parent}'
  },
  'pipe.crossed': {
    en: 'the message crossed the pipe {count} time(s), sender to receiver',
    ko: '메시지가 송신자에서 수신자로 파이프를 {count}번 건넘'
  },
  'pipe.crossed.seen': {
    en: '{sent} sent ({sentBytes} bytes) by pid {sender}, {received} received ({receivedBytes} bytes) by pid {receiver}',
    ko: 'PID {sender}가 {sent}개 보냄 ({sentBytes}바이트), PID {receiver}가 {received}개 받음 ({receivedBytes}바이트)'
  },
  'pipe.direct': {
    en: 'the bytes went directly between the children (the host sent and received none)',
    ko: '바이트가 자식 사이를 직접 오감 (호스트는 보내지도 받지도 않음)'
  },
  'pipe.direct.seen': {
    en: '{byHost} pipe send/recv by the host, {byOthers} by others',
    ko: '호스트의 파이프 송수신 {byHost}번, 다른 프로세스의 {byOthers}번'
  },
  'pipe.same': { en: 'the receiver got exactly what was sent', ko: '수신자가 보낸 그대로 받음' },
  'pipe.same.seen': {
    en: '{received} received, all equal to the message',
    ko: '{received}개 받음, 모두 보낸 메시지와 같음'
  },
  'pipe.same.bad': {
    en: '{received} received, not all equal to the message',
    ko: '{received}개 받음, 보낸 메시지와 다른 것이 있음'
  },
  'pipe.closed': {
    en: "the sender closed its end after its last send (the receiver's EOF)",
    ko: '송신자가 마지막으로 보낸 뒤 자기 끝을 닫음 (수신자가 받는 EOF)'
  },
  'pipe.closed.seen': { en: 'closed at {at:1} ms', ko: '{at:1}ms에 닫음' },
  'pipe.closed.none': { en: 'no close by the sender', ko: '송신자가 닫지 않음' }
})
