// What the verdicts of `mix` and `lock` share: each writer's pieces of output, the lines other
// writers interrupted, and the checks both make.
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { check, eventsOf, spawned, startedBy } from './verdictKit'

/** Each writer's stdout events, in recorded order, with their index in the run. */
export function linesByWriter(events: EventList): Map<number, number[]> {
  const pids = new Set(spawned(events, 'writer').map((s) => s.pid))
  const out = new Map<number, number[]>()
  let i = -1
  for (const e of events) {
    i++
    if (e.type === 'stdout' && pids.has(e.pid)) out.set(e.pid, [...(out.get(e.pid) ?? []), i])
  }
  return out
}

/** Writers whose line was interrupted by another process's write (the console interleaves). */
export function interruptedLines(events: EventList): number[] {
  const lines = linesByWriter(events)
  return [...lines].flatMap(([pid, idx]) => {
    const from = idx[0]!
    const to = idx.at(-1)!
    const other = events
      .slice(from, to + 1)
      .some((e) => e.type === 'stdout' && e.pid !== pid && lines.has(e.pid))
    return other ? [pid] : []
  })
}

/** Checks both scenarios share: N writers, children of the host, each wrote its whole line. */
export function writerChecks(events: EventList, hostPid: number, n: number): LabelledCheck[] {
  const writers = spawned(events, 'writer')
  const lines = linesByWriter(events)
  const broken = writers.filter((w) => {
    const text = (lines.get(w.pid) ?? [])
      .map((i) => (events.at(i) as { text: string }).text)
      .join('')
    return !new RegExp(`^process #\\d+ \\(pid ${w.pid}\\) writes its line\\n$`).test(text)
  })
  const exits = eventsOf(events, 'proc.exit').filter((e) => writers.some((w) => w.pid === e.pid))
  const pieces = [...lines.values()].reduce((s, l) => s + l.length, 0)
  return [
    check(
      `${n} writer processes with distinct PIDs, children of the host`,
      `쓰기 프로세스 ${n}개, PID가 모두 다르고 모두 호스트의 자식`,
      writers.length === n &&
        new Set(writers.map((w) => w.pid)).size === n &&
        writers.every((w) => startedBy(w) === hostPid),
      `${writers.length} writers: ${writers.map((w) => w.pid).join(', ')}`
    ),
    check(
      'every writer wrote its whole line',
      '모든 쓰기 프로세스가 자기 줄을 끝까지 씀',
      writers.length > 0 && broken.length === 0,
      broken.length === 0
        ? `${writers.length} lines in ${pieces} pieces`
        : `incomplete: pid ${broken.map((w) => w.pid).join(', ')}`
    ),
    check(
      'every writer exited with code 0',
      '쓰기 프로세스 모두 코드 0으로 종료',
      exits.length === writers.length && exits.every((e) => e.code === 0),
      exits.map((e) => `pid ${e.pid}: ${e.code ?? e.signal}`).join(', ')
    )
  ]
}
