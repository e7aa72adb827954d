// The `gil` verdict: busy cores per phase from the run's own samples (phases found by their
// markers), wall times side by side. A parallel phase cannot be judged when this machine could
// not show it: one core, or other programs holding so many cores during the phase (measured by
// the same samples: the machine's busy cores less this run's) that fewer than ROOM_NEEDED were
// free. The check is then inconclusive, with the figures, never passed.
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { BusyCores } from '../kit/busyCores'
import { busyCores, sampledCores } from '../kit/busyCores'
import type { VerdictContext } from '../Verdict'
import type { SeenOf } from '../kit/verdictKit'
import { checker, eventsOf, exitedCleanly, markTime, spawned } from '../kit/verdictKit'
import { gilTexts } from './texts'

const { check, inconclusive } = checker(gilTexts)
type GilText = keyof typeof gilTexts

/** The phases, as the program marks them in the run (markers `<phase> begins` / `ends`). */
export const PHASES = {
  a: 'phase (a): N jobs interleaved on one event loop',
  b: 'phase (b): N worker processes',
  c: 'phase (c): N worker_threads in one process'
} as const
export type Phase = keyof typeof PHASES

export const PARALLEL_MIN = 1.6
export const SERIAL_MAX = 1.2
/** Free cores (not busy with other programs) a parallel phase needs to be judged: below
 *  this, sampling noise alone could fail the check. */
export const ROOM_NEEDED = PARALLEL_MIN + 0.25

export type Measured = BusyCores & { wallMs: number }

function measure(events: EventList, p: Phase): Measured | undefined {
  const from = markTime(events, `${PHASES[p]} begins`)
  const to = markTime(events, `${PHASES[p]} ends`)
  if (from === undefined || to === undefined) return undefined
  return { wallMs: to - from, ...busyCores(events, from, to) }
}

/** What a phase's samples showed, as a check's seen text. */
export function phaseSeen(x: Measured | undefined, phase: string, cores: number): SeenOf<GilText> {
  if (!x) return { text: 'gil.phase.missing', values: { phase } }
  if (x.samples === 0) return { text: 'gil.phase.unsampled', values: { phase, ms: x.wallMs } }
  return {
    text: 'gil.phase.seen',
    values: { run: x.run, machine: x.machine, cores, samples: x.samples, ms: x.wallMs }
  }
}

/** Why a parallel phase could not be judged on this machine, or undefined. */
export function whyInconclusive(
  x: Measured | undefined,
  cores: number,
  workers: number
): SeenOf<GilText> | undefined {
  if (cores < 2) return { text: 'gil.why.oneCore', values: { cores } }
  if (workers < 2) return { text: 'gil.why.oneWorker', values: { n: workers } }
  if (!x || x.samples === 0 || x.run >= PARALLEL_MIN) return undefined
  const others = Math.max(0, x.machine - x.run)
  const free = cores - others
  if (free >= ROOM_NEEDED) return undefined
  return { text: 'gil.why.crowded', values: { others, cores, free, needed: ROOM_NEEDED } }
}

/** "N workers keep ≥ PARALLEL_MIN cores busy": passed, failed, or inconclusive with why. */
export function parallelCheck(
  id: GilText,
  x: Measured | undefined,
  phase: string,
  cores: number,
  n: number
): Check {
  const values = { n, min: PARALLEL_MIN }
  const seen = [phaseSeen(x, phase, cores)]
  const why = whyInconclusive(x, cores, n)
  return why
    ? inconclusive(id, values, seen, why)
    : check(id, (x?.run ?? 0) >= PARALLEL_MIN, values, seen)
}

export function gilVerdict(
  events: EventList,
  _result: unknown,
  { params }: VerdictContext
): Check[] {
  const n = Number(params.workers)
  const cores = sampledCores(events)
  const phases: Phase[] = params.threads === 'on' ? ['a', 'b', 'c'] : ['a', 'b']
  const m = new Map(phases.map((p) => [p, measure(events, p)] as const))
  const serialValues = { max: SERIAL_MAX }
  const serialSeen = [phaseSeen(m.get('a'), 'a', cores)]
  const checks = [
    cores < 2
      ? inconclusive('gil.serial', serialValues, serialSeen, {
          text: 'gil.why.oneCore',
          values: { cores }
        })
      : check('gil.serial', (m.get('a')?.run ?? Infinity) <= SERIAL_MAX, serialValues, serialSeen),
    parallelCheck('gil.processes', m.get('b'), 'b', cores, n)
  ]
  if (phases.includes('c')) checks.push(parallelCheck('gil.threads', m.get('c'), 'c', cores, n))
  const a = m.get('a')?.wallMs
  const b = m.get('b')?.wallMs
  const walls = { a, b, c: m.get('c')?.wallMs, ratio: (a ?? NaN) / (b ?? NaN) }
  const wallSeen: SeenOf<GilText>[] = [
    { text: 'gil.wall.seen' },
    ...(phases.includes('c') ? [{ text: 'gil.wall.threads' as const }] : [])
  ]
  const wallWhy = whyInconclusive(m.get('b'), cores, n)
  checks.push(
    wallWhy
      ? inconclusive('gil.wall', walls, wallSeen, wallWhy)
      : check('gil.wall', (b ?? NaN) < (a ?? NaN), walls, wallSeen)
  )
  const ends = eventsOf(events, 'task.end')
  checks.push(
    check(
      'gil.work',
      ends.length === 2 + n + (phases.includes('c') ? 1 : 0) && ends.every((e) => e.ok),
      { ok: ends.filter((e) => e.ok).length, ended: ends.length, n },
      phases.includes('c') ? 'gil.work.threads' : 'gil.work.seen'
    ),
    exitedCleanly(events, spawned(events, 'worker'), 'worker')
  )
  return checks
}
