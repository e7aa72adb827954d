// Small queries over a run's recorded events, shared by the scenarios' verdicts. A verdict
// imports no program: any runtime of a scenario (Node today) can feed it the same events.
import type {
  Check,
  EventOf,
  LabelledCheck,
  RunEvent,
  RunEventType
} from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { EventRecorder } from '../../session/EventRecorder'

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

/** A check named in English (`name`, the CLI's and the tests') and in Korean for the UI. */
export function check(
  en: string,
  ko: string,
  passed: boolean,
  observed: string,
  note?: Check['note']
): LabelledCheck {
  const label = { ko, en }
  return note ? { name: en, passed, observed, note, label } : { name: en, passed, observed, label }
}

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

/** "each of these processes exited with code 0", observed as each one's code/signal;
 *  `what` names the processes in English and Korean (e.g. 'worker', '워커'). */
export function exitedCleanly(
  events: EventList,
  procs: readonly { pid: number }[],
  what: string,
  whatKo: string
): LabelledCheck {
  const exits = procs.map((p) => ({ pid: p.pid, exit: exitOf(events, p.pid) }))
  const bad = exits.filter((x) => x.exit?.code !== 0)
  return check(
    `every ${what} exited with code 0`,
    `${whatKo} 모두 코드 0으로 종료`,
    procs.length > 0 && bad.length === 0,
    bad.length === 0
      ? `${exits.length} exited with code 0`
      : bad
          .map((x) =>
            x.exit
              ? `pid ${x.pid}: code ${x.exit.code}, signal ${x.exit.signal}`
              : `pid ${x.pid}: no exit`
          )
          .join('; ')
  )
}

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
