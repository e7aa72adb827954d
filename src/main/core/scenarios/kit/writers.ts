// The writers of `mix` and `lock`: N children each print one line in pieces with random pauses
// (printLine), optionally holding a lock around the whole line. They are forked one after
// another but start writing together through a start gate, so that their writes can meet.
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { Lock } from '../../primitives/Lock'
import type { Process } from '../../primitives/Process'
import type { ScenarioContext } from '../ScenarioProgram'
import { check, eventsOf, mark, paced, spawned } from './verdictKit'

export async function runWriters(ctx: ScenarioContext, lock: Lock | null): Promise<unknown> {
  const n = Number(ctx.params.processes)
  const pieces = Number(ctx.params.pieces)
  const jitter = paced(ctx, Number(ctx.params.jitterMs))
  const gate = ctx.queue({ name: 'start-gate' })
  const writers: Process[] = []
  for (let i = 0; i < n; i++) {
    const p = ctx.process({
      task: 'gated',
      args: [gate, 'printLine', i, pieces, jitter, lock],
      name: `writer-${i}`,
      role: 'writer'
    })
    writers.push(p)
    await p.start()
  }
  await ctx.pause(200)
  mark(ctx, 'host: every writer started; opening the start gate')
  for (let i = 0; i < n; i++) await gate.put('go')
  await Promise.all(writers.map((p) => p.join()))
  await ctx.pause(200)
  return { writers: writers.map((p) => p.pid) }
}

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
        writers.every((w) => w.ppid === hostPid),
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
