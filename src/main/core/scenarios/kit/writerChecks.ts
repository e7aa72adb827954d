// What the verdicts of `mix` and `lock` share: each writer's pieces of output, the lines other
// writers interrupted, and the checks both make.
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { kitTexts } from './texts'
import { checker, exitedCleanly, spawned, startedBy } from './verdictKit'

const { check } = checker(kitTexts)

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
export function writerChecks(events: EventList, hostPid: number, n: number): Check[] {
  const writers = spawned(events, 'writer')
  const lines = linesByWriter(events)
  const broken = writers.filter((w) => {
    const text = (lines.get(w.pid) ?? [])
      .map((i) => (events.at(i) as { text: string }).text)
      .join('')
    return !new RegExp(`^process #\\d+ \\(pid ${w.pid}\\) writes its line\\n$`).test(text)
  })
  const pieces = [...lines.values()].reduce((s, l) => s + l.length, 0)
  return [
    check(
      'kit.writers',
      writers.length === n &&
        new Set(writers.map((w) => w.pid)).size === n &&
        writers.every((w) => startedBy(w) === hostPid),
      { n, count: writers.length, pids: writers.map((w) => w.pid) },
      'kit.writers.seen'
    ),
    check(
      'kit.writers.whole',
      writers.length > 0 && broken.length === 0,
      { lines: writers.length, pieces, pids: broken.map((w) => w.pid) },
      broken.length === 0 ? 'kit.writers.whole.seen' : 'kit.writers.whole.bad'
    ),
    exitedCleanly(events, writers, 'writer')
  ]
}
