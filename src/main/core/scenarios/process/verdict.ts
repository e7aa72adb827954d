// The `process` verdict: distinct children of the host, their exits, and when the host moved on
// (the program marks it with JOINED_LAST or JOINED_ALL).
import { checker, eventsOf, exitOf, exitedCleanly, markTime, spawned } from '../kit/verdictKit'
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { processTexts } from './texts'

const { check } = checker(processTexts)

export const JOINED_LAST = 'host: join() of the last child returned'

export const JOINED_ALL = 'host: join() returned for every child'

export interface ChildReport {
  index: number
  pid: number | undefined
  /** is_alive() right after the host's join returned (join=last: the others may be running). */
  aliveWhenHostMovedOn: boolean
  aliveAfterExit: boolean
  exitCode: number | null
}

export function processVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): Check[] {
  const n = Number(params.processes)
  const kids = spawned(events, 'child')
  const pids = kids.map((k) => k.pid)
  const said = new Map<number, number>()
  for (const e of eventsOf(events, 'stdout')) {
    const m = /parent pid (\d+)/.exec(e.text)
    if (m && pids.includes(e.pid)) said.set(e.pid, Number(m[1]))
  }
  const wrongParent = kids.filter((k) => k.ppid !== hostPid || said.get(k.pid) !== hostPid)
  const report = ((result as { children?: ChildReport[] } | undefined)?.children ?? []).filter(
    (c) => c.pid !== undefined
  )
  const stillAlive = report.filter((c) => c.aliveAfterExit)
  const checks = [
    check(
      'process.distinct',
      kids.length === n && new Set(pids).size === n,
      { n, spawned: kids.length, distinct: new Set(pids).size, pids },
      'process.distinct.seen'
    ),
    check(
      'process.parent',
      kids.length > 0 && said.size === kids.length && wrongParent.length === 0,
      { host: hostPid, printed: said.size },
      wrongParent.length === 0 && said.size === kids.length
        ? 'process.parent.seen'
        : kids.map((k) => ({
            text: 'process.parent.each' as const,
            values: { pid: k.pid, ppid: k.ppid, printed: said.get(k.pid) }
          }))
    ),
    exitedCleanly(events, kids, 'child'),
    check(
      'process.alive',
      report.length === n && stillAlive.length === 0,
      { dead: report.length - stillAlive.length, reported: report.length },
      'process.alive.seen'
    )
  ]
  if (params.join === 'all') {
    const at = markTime(events, JOINED_ALL)
    const late = kids.filter((k) => at === undefined || (exitOf(events, k.pid)?.t ?? Infinity) > at)
    checks.push(
      check(
        'process.joinAll',
        at !== undefined && late.length === 0,
        { at, exited: kids.length - late.length, n: kids.length },
        at === undefined ? 'process.joinAll.never' : 'process.joinAll.seen'
      )
    )
  } else {
    const at = markTime(events, JOINED_LAST)
    const running = kids.filter((k) => at !== undefined && (exitOf(events, k.pid)?.t ?? 0) > at)
    checks.push(
      check(
        'process.joinLast',
        at !== undefined,
        { at, running: running.length, pids: running.map((k) => k.pid) },
        at === undefined
          ? 'process.joinLast.never'
          : running.length > 0
            ? 'process.joinLast.seen'
            : 'process.joinLast.none',
        at !== undefined && running.length === 0 ? 'not-observed' : undefined
      )
    )
  }
  return checks
}
