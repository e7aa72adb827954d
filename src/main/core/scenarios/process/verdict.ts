// The `process` verdict: distinct children of the host, their exits, and when the host moved on
// (the program marks it with JOINED_LAST or JOINED_ALL).
import { check, eventsOf, exitOf, exitedCleanly, markTime, spawned } from '../kit/verdictKit'
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

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
): LabelledCheck[] {
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
      `${n} distinct child PIDs`,
      `자식 프로세스 ${n}개, PID가 모두 다름`,
      kids.length === n && new Set(pids).size === n,
      `${kids.length} spawned, ${new Set(pids).size} distinct: ${pids.join(', ')}`
    ),
    check(
      "every child's parent is the host (as the host saw it and as the child printed it)",
      '모든 자식의 부모가 호스트 (호스트가 본 값과 자식이 출력한 값 모두)',
      kids.length > 0 && said.size === kids.length && wrongParent.length === 0,
      wrongParent.length === 0 && said.size === kids.length
        ? `host PID ${hostPid}; ${said.size} children printed parent pid ${hostPid}`
        : kids
            .map((k) => `pid ${k.pid}: spawned with ppid ${k.ppid}, printed ${said.get(k.pid)}`)
            .join('; ')
    ),
    exitedCleanly(events, kids, 'child', '자식 프로세스'),
    check(
      'is_alive() is false after each child exited',
      '각 자식이 종료된 뒤 is_alive()는 False',
      report.length === n && stillAlive.length === 0,
      `${report.length - stillAlive.length} of ${report.length} report is_alive() false`
    )
  ]
  if (params.join === 'all') {
    const at = markTime(events, JOINED_ALL)
    const late = kids.filter((k) => at === undefined || (exitOf(events, k.pid)?.t ?? Infinity) > at)
    checks.push(
      check(
        'join=all: the host moved on only after every child exited',
        'join=all: 모든 자식이 종료된 뒤에야 호스트가 다음으로 넘어감',
        at !== undefined && late.length === 0,
        at === undefined
          ? 'the host never finished joining'
          : `host moved on at ${at.toFixed(1)} ms; ${kids.length - late.length} of ${kids.length} children had exited`
      )
    )
  } else {
    const at = markTime(events, JOINED_LAST)
    const running = kids.filter((k) => at !== undefined && (exitOf(events, k.pid)?.t ?? 0) > at)
    checks.push(
      check(
        'join=last: the host moved on while other children still ran',
        'join=last: 다른 자식이 아직 실행 중일 때 호스트가 다음으로 넘어감',
        at !== undefined,
        at === undefined
          ? "the host's join of the last child never returned"
          : running.length > 0
            ? `join returned at ${at.toFixed(1)} ms; ${running.length} other child(ren) still running (pid ${running.map((k) => k.pid).join(', ')})`
            : `join returned at ${at.toFixed(1)} ms; every other child had already exited this time`,
        at !== undefined && running.length === 0 ? 'not-observed' : undefined
      )
    )
  }
  return checks
}
