// The texts of the `pipe-vs-queue` verdicts' checks (ids 'pvq.*'): the Node re-enactment's and
// the CPython lesson's (src/main/core/python/lessonVerdicts.ts).
import { defineCheckTexts } from '../../../../shared/checkTexts'

export const pipeVsQueueTexts = defineCheckTexts({
  'pvq.pipe': { en: 'all {n} messages crossed the pipe', ko: '메시지 {n}개가 모두 파이프를 건넘' },
  'pvq.queue': { en: 'all {n} messages crossed the queue', ko: '메시지 {n}개가 모두 큐를 건넘' },
  'pvq.crossed.seen': {
    en: '{got} of {n} ({sent} sent) in {ms:1} ms: {rate:0} msg/s',
    ko: '{n}개 중 {got}개 ({sent}개 보냄), {ms:1}ms 동안: 초당 메시지 {rate:0}개'
  },
  'pvq.received.seen': { en: '{got} received', ko: '{got}개 받음' },
  'pvq.rates': {
    en: 'messages per second measured for both; the ratio as observed',
    ko: '양쪽의 초당 메시지 수를 측정하고, 관찰된 비율을 그대로 보고'
  },
  'pvq.rates.seen': {
    en: 'pipe {pipeRate:0} msg/s, queue {queueRate:0} msg/s: pipe/queue = {ratio:2}×',
    ko: '파이프 초당 {pipeRate:0}개, 큐 초당 {queueRate:0}개: 파이프/큐 = {ratio:2}배'
  },
  'pvq.claim': {
    en: "the tutorial's claim: a Pipe is several times (≥ {claim}×) faster than a Queue",
    ko: '튜토리얼의 주장: Pipe가 Queue보다 몇 배({claim}배 이상) 빠름'
  },
  'pvq.claim.seen': {
    en: 'observed: the pipe was {ratio:2}× as fast',
    ko: '관찰됨: 파이프가 {ratio:2}배 빨랐음'
  },
  'pvq.claim.none': {
    en: 'not observed this time: pipe/queue = {ratio:2}× on this machine',
    ko: '이번에는 관찰되지 않음: 이 컴퓨터에서 파이프/큐 = {ratio:2}배'
  },
  'pvq.cpython.measured': {
    en: 'stream and round trip measured for both, each leg watched the same way',
    ko: '스트림과 왕복을 양쪽 모두 같은 방식으로 관찰하며 측정'
  },
  'pvq.cpython.measured.seen': {
    en: 'stream: pipe {pipeRate:0} msg/s, queue {queueRate:0} msg/s ({stream:2}×); round trip: pipe {pipeTrip:0} µs, queue {queueTrip:0} µs ({trip:2}×)',
    ko: '스트림: 파이프 초당 {pipeRate:0}개, 큐 초당 {queueRate:0}개 ({stream:2}배); 왕복: 파이프 {pipeTrip:0}µs, 큐 {queueTrip:0}µs ({trip:2}배)'
  },
  'pvq.cpython.measured.none': {
    en: 'the lesson reported no rates',
    ko: '레슨 프로그램이 측정값을 보고하지 않음'
  },
  'pvq.cpython.stream.holds': {
    en: 'stream: the pipe was {stream:2}× as fast (the claim holds here)',
    ko: '스트림: 파이프가 {stream:2}배 빨랐음 (여기서는 주장이 맞음)'
  },
  'pvq.cpython.stream.fails': {
    en: 'stream: the pipe was {stream:2}× as fast (the claim does not hold here)',
    ko: '스트림: 파이프가 {stream:2}배 빨랐음 (여기서는 주장이 맞지 않음)'
  },
  'pvq.cpython.trip.holds': {
    en: 'round trip: the pipe was {trip:2}× as fast (the claim holds here)',
    ko: '왕복: 파이프가 {trip:2}배 빨랐음 (여기서는 주장이 맞음)'
  },
  'pvq.cpython.trip.fails': {
    en: 'round trip: the pipe was {trip:2}× as fast (the claim does not hold here)',
    ko: '왕복: 파이프가 {trip:2}배 빨랐음 (여기서는 주장이 맞지 않음)'
  }
})
