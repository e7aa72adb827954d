// The `gil` verdict: busy cores per phase from the run's own samples (phases found by their
// markers), wall times side by side. A parallel phase cannot be judged when other programs
// held the cores meanwhile: the check says so (not-applicable) with the figures.
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { BusyCores } from '../kit/busyCores'
import { busyCores, sampledCores } from '../kit/busyCores'
import type { VerdictContext } from '../Verdict'
import { check, eventsOf, exitedCleanly, markTime, spawned } from '../kit/verdictKit'

/** The phases, as the program marks them in the run (markers `<phase> begins` / `ends`). */
export const PHASES = {
  a: 'phase (a): N jobs interleaved on one event loop',
  b: 'phase (b): N worker processes',
  c: 'phase (c): N worker_threads in one process'
} as const
export type Phase = keyof typeof PHASES

const PARALLEL_MIN = 1.6
const SERIAL_MAX = 1.2
/** Below this many cores left by other programs, sampling noise alone could fail the check. */
const ROOM_NEEDED = PARALLEL_MIN + 0.25

type Measured = BusyCores & { wallMs: number }

function measure(events: EventList, p: Phase): Measured | undefined {
  const from = markTime(events, `${PHASES[p]} begins`)
  const to = markTime(events, `${PHASES[p]} ends`)
  if (from === undefined || to === undefined) return undefined
  return { wallMs: to - from, ...busyCores(events, from, to) }
}

export function gilVerdict(
  events: EventList,
  _result: unknown,
  { params }: VerdictContext
): LabelledCheck[] {
  const n = Number(params.workers)
  const cores = sampledCores(events)
  const phases: Phase[] = params.threads === 'on' ? ['a', 'b', 'c'] : ['a', 'b']
  const m = new Map(phases.map((p) => [p, measure(events, p)] as const))
  const others = (p: Phase): number => {
    const x = m.get(p)
    return x && x.samples > 0 ? Math.max(0, x.machine - x.run) : 0
  }
  const show = (p: Phase): string => {
    const x = m.get(p)
    if (!x) return `phase (${p}) did not run`
    if (x.samples === 0) return `no samples during phase (${p}) (${x.wallMs.toFixed(0)} ms)`
    return `mean ${x.run.toFixed(2)} busy cores by this run (machine ${x.machine.toFixed(2)} of ${cores}), ${x.samples} samples, wall ${x.wallMs.toFixed(0)} ms`
  }
  const na = cores < 2 ? `this machine has ${cores} core(s)` : n < 2 ? `workers=${n}` : ''
  /** Other programs kept so many cores busy that this run could not reach PARALLEL_MIN. */
  const crowded = (p: Phase): string => {
    const x = m.get(p)
    if (!x || x.run >= PARALLEL_MIN || cores - others(p) >= ROOM_NEEDED) return ''
    return `other programs kept ${others(p).toFixed(2)} cores busy, leaving ${(cores - others(p)).toFixed(2)}: out of reach this time`
  }
  const parallel = (p: Phase, en: string, ko: string): LabelledCheck => {
    if (na) return check(en, ko, true, `${na}: ${show(p)}`, 'not-applicable')
    if (crowded(p)) return check(en, ko, true, `${show(p)}; ${crowded(p)}`, 'not-applicable')
    return check(en, ko, (m.get(p)?.run ?? 0) >= PARALLEL_MIN, show(p))
  }
  const serial = [
    `(a) one event loop keeps about one core busy (≤ ${SERIAL_MAX})`,
    `(a) 이벤트 루프 하나는 코어 약 1개만 사용 (≤ ${SERIAL_MAX})`
  ] as const
  const checks = [
    cores < 2
      ? check(...serial, true, `this machine has ${cores} core(s): ${show('a')}`, 'not-applicable')
      : check(...serial, (m.get('a')?.run ?? Infinity) <= SERIAL_MAX, show('a')),
    parallel(
      'b',
      `(b) ${n} worker processes keep ≥ ${PARALLEL_MIN} cores busy`,
      `(b) 워커 프로세스 ${n}개가 코어 ${PARALLEL_MIN}개 이상을 사용`
    )
  ]
  if (phases.includes('c')) {
    checks.push(
      parallel(
        'c',
        `(c) ${n} worker_threads keep ≥ ${PARALLEL_MIN} cores busy`,
        `(c) worker_threads ${n}개가 코어 ${PARALLEL_MIN}개 이상을 사용`
      )
    )
  }
  const a = m.get('a')?.wallMs ?? NaN
  const b = m.get('b')?.wallMs ?? NaN
  const walls = `${phases.map((p) => `(${p}) ${m.get(p)?.wallMs.toFixed(0) ?? '?'} ms`).join(', ')}; (a)/(b) = ${(a / b).toFixed(2)}`
  const wall = [
    'wall times side by side: (b) finished the same work faster than (a)',
    '경과 시간 비교: (b)가 같은 작업을 (a)보다 빨리 끝냄'
  ] as const
  checks.push(
    na || crowded('b')
      ? check(...wall, true, `${walls}; ${na || crowded('b')}`, 'not-applicable')
      : check(...wall, b < a, walls)
  )
  const ends = eventsOf(events, 'task.end')
  checks.push(
    check(
      'every piece of work completed',
      '모든 작업이 완료됨',
      ends.length === 2 + n + (phases.includes('c') ? 1 : 0) && ends.every((e) => e.ok),
      `${ends.filter((e) => e.ok).length} of ${ends.length} tasks ok (calibration, (a), ${n}× (b)${phases.includes('c') ? ', (c)' : ''})`
    ),
    exitedCleanly(events, spawned(events, 'worker'), 'worker', '워커')
  )
  return checks
}
