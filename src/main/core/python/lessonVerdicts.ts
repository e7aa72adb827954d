// The checks of the two lessons whose Node re-enactment measures something else: in CPython,
// `gil` runs real threads against real processes, and `pipe-vs-queue` measures a stream and a
// round trip through each, reporting the ratios as measured.
import type { LabelledCheck } from '../../../shared/events'
import type { EventList } from '../session/EventList'
import { busyCores } from '../scenarios/kit/busyCores'
import { check, eventsOf, exitedCleanly, markTime, spawned } from '../scenarios/kit/verdictKit'
import type { VerdictContext } from '../scenarios/Verdict'

const PARALLEL_MIN = 1.6
const SERIAL_MAX = 1.2
const CLAIM = 2

const PHASE_A = '▸ phase (a): N threads in one process (the GIL)'
const PHASE_B = '▸ phase (b): N worker processes'

function phase(events: EventList, name: string) {
  const from = markTime(events, `${name.slice(2)} begins`)
  const to = markTime(events, `${name.slice(2)} ends`)
  if (from === undefined || to === undefined) return undefined
  return { ms: to - from, ...busyCores(events, from, to) }
}

export function cpythonGilVerdict(
  events: EventList,
  _reported: unknown,
  { params }: VerdictContext
): LabelledCheck[] {
  const n = Number(params.workers)
  const cores = eventsOf(events, 'sample').at(-1)?.cores.length ?? 0
  const a = phase(events, PHASE_A)
  const b = phase(events, PHASE_B)
  const show = (x: typeof a): string =>
    !x
      ? 'the phase did not run'
      : `${x.run.toFixed(2)} busy cores by this run (machine ${x.machine.toFixed(2)} of ${cores}), ${x.samples} samples, ${x.ms.toFixed(0)} ms`
  const room = b ? cores - Math.max(0, b.machine - b.run) : 0
  const crowded = !!b && b.run < PARALLEL_MIN && room < PARALLEL_MIN + 0.25
  const parallel = `(b) ${n} processes keep ≥ ${PARALLEL_MIN} cores busy`
  const parallelKo = `(b) 프로세스 ${n}개가 코어 ${PARALLEL_MIN}개 이상을 사용`
  return [
    check(
      `(a) ${n} threads keep about one core busy (≤ ${SERIAL_MAX}): the GIL`,
      `(a) 스레드 ${n}개는 코어 약 1개만 사용 (≤ ${SERIAL_MAX}): GIL`,
      !!a && a.samples > 0 && a.run <= SERIAL_MAX,
      show(a)
    ),
    cores < 2 || n < 2
      ? check(
          parallel,
          parallelKo,
          true,
          `${cores} core(s), ${n} workers: ${show(b)}`,
          'not-applicable'
        )
      : crowded
        ? check(
            parallel,
            parallelKo,
            true,
            `${show(b)}; other programs left ${room.toFixed(2)} cores: out of reach this time`,
            'not-applicable'
          )
        : check(parallel, parallelKo, !!b && b.run >= PARALLEL_MIN, show(b)),
    exitedCleanly(events, spawned(events, 'worker'), 'worker', '워커')
  ]
}

interface Rates {
  pipeMsgPerS: number
  queueMsgPerS: number
  pipeRoundTripUs: number
  queueRoundTripUs: number
}

export function cpythonPipeVsQueueVerdict(
  events: EventList,
  reported: unknown,
  { params }: VerdictContext
): LabelledCheck[] {
  const n = Number(params.messages)
  const r = reported as Partial<Rates> | undefined
  const count = (type: 'pipe.recv' | 'queue.get', name: string): number =>
    eventsOf(events, type).filter((e) => ('pipe' in e ? e.pipe : e.queue) === name).length
  const stream = (r?.pipeMsgPerS ?? NaN) / (r?.queueMsgPerS ?? NaN)
  const trip = (r?.queueRoundTripUs ?? NaN) / (r?.pipeRoundTripUs ?? NaN)
  const measured = Number.isFinite(stream) && Number.isFinite(trip)
  const claim = (what: string, ratio: number): string =>
    ratio >= CLAIM
      ? `${what}: the pipe was ${ratio.toFixed(2)}× as fast (the claim holds here)`
      : `${what}: the pipe was ${ratio.toFixed(2)}× as fast (the claim does not hold here)`
  return [
    check(
      `all ${n} messages crossed the pipe`,
      `메시지 ${n}개가 모두 파이프를 건넘`,
      count('pipe.recv', 'pipe') === n,
      `${count('pipe.recv', 'pipe')} received`
    ),
    check(
      `all ${n} messages crossed the queue`,
      `메시지 ${n}개가 모두 큐를 건넘`,
      count('queue.get', 'queue') === n,
      `${count('queue.get', 'queue')} received`
    ),
    check(
      'stream and round trip measured for both, each leg watched the same way',
      '스트림과 왕복을 양쪽 모두 같은 방식으로 관찰하며 측정',
      measured,
      measured
        ? `stream: pipe ${Math.round(r!.pipeMsgPerS!)} msg/s, queue ${Math.round(r!.queueMsgPerS!)} msg/s (${stream.toFixed(2)}×); round trip: pipe ${r!.pipeRoundTripUs!.toFixed(0)} µs, queue ${r!.queueRoundTripUs!.toFixed(0)} µs (${trip.toFixed(2)}×)`
        : 'the lesson reported no rates'
    ),
    check(
      `the tutorial's claim: a Pipe is several times (≥ ${CLAIM}×) faster than a Queue`,
      `튜토리얼의 주장: Pipe가 Queue보다 몇 배(${CLAIM}배 이상) 빠름`,
      true,
      `${claim('stream', stream)}; ${claim('round trip', trip)}`,
      stream >= CLAIM || trip >= CLAIM ? undefined : 'not-observed'
    ),
    exitedCleanly(
      events,
      [...spawned(events, 'sender'), ...spawned(events, 'receiver'), ...spawned(events, 'echo')],
      'stream process',
      '스트림 프로세스'
    )
  ]
}
