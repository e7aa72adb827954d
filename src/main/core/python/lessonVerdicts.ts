// The checks of the two lessons whose Node re-enactment measures something else: in CPython,
// `gil` runs real threads against real processes, and `pipe-vs-queue` measures a stream and a
// round trip through each, reporting the ratios as measured.
import type { Check } from '../../../shared/events'
import type { EventList } from '../session/EventList'
import { busyCores } from '../scenarios/kit/busyCores'
import {
  checker,
  eventsOf,
  exitedCleanly,
  markTime,
  messagesOf,
  spawned
} from '../scenarios/kit/verdictKit'
import type { VerdictContext } from '../scenarios/Verdict'
import type { Measured } from '../scenarios/gil/verdict'
import { parallelCheck, phaseSeen, SERIAL_MAX } from '../scenarios/gil/verdict'
import { gilTexts } from '../scenarios/gil/texts'
import { pipeVsQueueTexts } from '../scenarios/pipe-vs-queue/texts'

const gil = checker(gilTexts)
const pvq = checker(pipeVsQueueTexts)
const CLAIM = 2

const PHASE_A = '▸ phase (a): N threads in one process (the GIL)'
const PHASE_B = '▸ phase (b): N worker processes'

function phase(events: EventList, name: string): Measured | undefined {
  const from = markTime(events, `${name.slice(2)} begins`)
  const to = markTime(events, `${name.slice(2)} ends`)
  if (from === undefined || to === undefined) return undefined
  return { wallMs: to - from, ...busyCores(events, from, to) }
}

/** Threads against processes by busy cores; (b) is inconclusive where this machine could not
 *  show it (one core, one worker, or too few cores left free by other programs). */
export function cpythonGilVerdict(
  events: EventList,
  _reported: unknown,
  { params }: VerdictContext
): Check[] {
  const n = Number(params.workers)
  const cores = eventsOf(events, 'sample').at(-1)?.cores.length ?? 0
  const a = phase(events, PHASE_A)
  return [
    gil.check(
      'gil.cpython.serial',
      !!a && a.samples > 0 && a.run <= SERIAL_MAX,
      { n, max: SERIAL_MAX },
      [phaseSeen(a, 'a', cores)]
    ),
    parallelCheck('gil.cpython.processes', phase(events, PHASE_B), 'b', cores, n),
    exitedCleanly(events, spawned(events, 'worker'), 'worker')
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
): Check[] {
  const n = Number(params.messages)
  const r = reported as Partial<Rates> | undefined
  // Past the shim's budget one event stands for several messages: a pipe.recv has a count, a
  // queue.get's msg is the running number of messages got.
  const pipeGot = messagesOf(eventsOf(events, 'pipe.recv').filter((e) => e.pipe === 'pipe'))
  const queueGot = Math.max(
    0,
    ...eventsOf(events, 'queue.get')
      .filter((e) => e.queue === 'queue')
      .map((e) => e.msg)
  )
  const stream = (r?.pipeMsgPerS ?? NaN) / (r?.queueMsgPerS ?? NaN)
  const trip = (r?.queueRoundTripUs ?? NaN) / (r?.pipeRoundTripUs ?? NaN)
  const measured = Number.isFinite(stream) && Number.isFinite(trip)
  const rates = {
    n,
    claim: CLAIM,
    pipeRate: r?.pipeMsgPerS,
    queueRate: r?.queueMsgPerS,
    pipeTrip: r?.pipeRoundTripUs,
    queueTrip: r?.queueRoundTripUs,
    stream,
    trip
  }
  return [
    pvq.check('pvq.pipe', pipeGot === n, { n, got: pipeGot }, 'pvq.received.seen'),
    pvq.check('pvq.queue', queueGot === n, { n, got: queueGot }, 'pvq.received.seen'),
    pvq.check(
      'pvq.cpython.measured',
      measured,
      rates,
      measured ? 'pvq.cpython.measured.seen' : 'pvq.cpython.measured.none'
    ),
    pvq.check(
      'pvq.claim',
      true,
      rates,
      [
        { text: stream >= CLAIM ? 'pvq.cpython.stream.holds' : 'pvq.cpython.stream.fails' },
        { text: trip >= CLAIM ? 'pvq.cpython.trip.holds' : 'pvq.cpython.trip.fails' }
      ],
      stream >= CLAIM || trip >= CLAIM ? undefined : 'not-observed'
    ),
    exitedCleanly(
      events,
      [...spawned(events, 'sender'), ...spawned(events, 'receiver'), ...spawned(events, 'echo')],
      'stream'
    )
  ]
}
