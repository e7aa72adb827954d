// Small queries over a run's recorded events, shared by the scenarios' verdicts. A verdict
// imports no program: any runtime of a scenario (Node today) can feed it the same events.
import type { CheckTexts } from '../../../../shared/checkTexts'
import type {
  Check,
  CheckValue,
  CheckValues,
  EventOf,
  RunEvent,
  RunEventType
} from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { EventRecorder } from '../../session/EventRecorder'
import { kitTexts } from './texts'

/** The event of type K, also where one schema covers several types (pipe.send|pipe.recv). */
export type EventWith<K extends RunEventType> = RunEvent extends infer E
  ? E extends { type: infer T }
    ? K extends T
      ? Omit<E, 'type'> & { type: K }
      : never
    : never
  : never

export function eventsOf<K extends RunEventType>(events: EventList, type: K): EventWith<K>[] {
  // A run's recorder finds them without rebuilding the other events.
  if (events instanceof EventRecorder) return events.ofType(type) as EventWith<K>[]
  return [...events].filter((e) => e.type === type) as EventWith<K>[]
}

/** Figures as a verdict computes them: undefined and non-finite numbers become null ("?"). */
export type Figures = Record<string, CheckValue | undefined>

function clean(values: Figures): CheckValues {
  const out: CheckValues = {}
  for (const [k, v] of Object.entries(values)) {
    out[k] = v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v
  }
  return out
}

/** What a check saw: a text id of the same texts, with figures of its own. */
export interface SeenOf<Id extends string> {
  text: Id
  values?: Figures
}

/** The check makers of one texts module: ids it lacks fail to compile. */
export function checker<T extends CheckTexts>(_texts: T) {
  type Id = keyof T & string
  const seenList = (seen: Id | readonly SeenOf<Id>[]): Check['seen'] =>
    (typeof seen === 'string' ? [{ text: seen }] : seen).map((x) =>
      x.values ? { text: x.text, values: clean(x.values) } : { text: x.text }
    )
  return {
    /** Passed or failed, with what it saw; `note` for a passed check that reports only. */
    check(
      id: Id,
      passed: boolean,
      values: Figures,
      seen: Id | readonly SeenOf<Id>[],
      note?: Check['note']
    ): Check {
      const c: Check = {
        id,
        outcome: passed ? 'passed' : 'failed',
        values: clean(values),
        seen: seenList(seen)
      }
      return note ? { ...c, note } : c
    },
    /** Could not be observed in this run on this machine; `reason` says why. */
    inconclusive(
      id: Id,
      values: Figures,
      seen: Id | readonly SeenOf<Id>[],
      reason: SeenOf<Id>
    ): Check {
      return {
        id,
        outcome: 'inconclusive',
        values: clean(values),
        seen: seenList(seen),
        reason: seenList([reason])[0]!
      }
    }
  }
}

const { check } = checker(kitTexts)

/** The processes this run spawned with `role` (all roles when omitted). */
export function spawned(events: EventList, role?: string): EventOf<'proc.spawn'>[] {
  return eventsOf(events, 'proc.spawn').filter((e) => role === undefined || e.role === role)
}

/** Who started a process: its logical parent where it differs from the OS parent (a worker a
 *  forkserver forked for the host), else its PPID. */
export function startedBy(p: { ppid: number; parent?: number }): number {
  return p.parent ?? p.ppid
}

export function exitOf(events: EventList, pid: number): EventOf<'proc.exit'> | undefined {
  return eventsOf(events, 'proc.exit').find((e) => e.pid === pid)
}

/** "each of these processes exited with code 0", observed as each one's code/signal; `what`
 *  names the processes (a kit text: 'worker', 'child', …). */
export function exitedCleanly(
  events: EventList,
  procs: readonly { pid: number }[],
  what: ExitWhat
): Check {
  const exits = procs.map((p) => ({ pid: p.pid, exit: exitOf(events, p.pid) }))
  const bad = exits.filter((x) => x.exit?.code !== 0)
  return check(
    `kit.exited.${what}`,
    procs.length > 0 && bad.length === 0,
    { n: exits.length },
    bad.length === 0
      ? 'kit.exited.seen'
      : bad.map(({ pid, exit }) => ({
          text: !exit
            ? ('kit.exited.none' as const)
            : exit.code === null
              ? ('kit.exited.signal' as const)
              : ('kit.exited.bad' as const),
          values: { pid, code: exit?.code, signal: exit?.signal }
        }))
  )
}

/** The kinds of process exitedCleanly names. */
export type ExitWhat = 'worker' | 'child' | 'sender' | 'pipe' | 'stream' | 'writer'

/** What starts a marker's text (programKit's mark() writes them, markTime() finds them). */
export const MARK = '▸ '

/** The time of the marker `key` (the first one), or undefined. */
export function markTime(events: EventList, key: string): number | undefined {
  const text = `${MARK}${key}`
  return eventsOf(events, 'log').find((e) => e.text === text || e.text.startsWith(`${text}: `))?.t
}

/** Messages a pipe.send/pipe.recv event stands for (ends report once per tick, with a count). */
export function messagesOf(events: readonly object[]): number {
  return events.reduce<number>((s, e) => s + ('count' in e ? Number(e.count) || 1 : 1), 0)
}
