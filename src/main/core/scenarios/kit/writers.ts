// The writers of `mix` and `lock`: N children each print one line in pieces with random pauses
// (printLine), optionally holding a lock around the whole line. They are forked one after
// another but start writing together through a start gate, so that their writes can meet.
import type { Lock } from '../../primitives/Lock'
import type { Process } from '../../primitives/Process'
import type { ScenarioContext } from '../ScenarioProgram'
import { mark, paced } from './programKit'

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
