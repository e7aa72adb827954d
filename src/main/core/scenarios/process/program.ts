// `process` (the tutorial's sample_process): the host starts N children; each prints its index,
// its PID and its parent's PID. As in the tutorial the host joins only the last one by default,
// so it may move on while the others still run; Python then waits for them at exit.
import type { Process } from '../../primitives/Process'
import type { ScenarioProgram } from '../ScenarioProgram'
import { hostPrint, mark, paced } from '../kit/programKit'
import type { ChildReport } from './verdict'
import { JOINED_ALL, JOINED_LAST, processVerdict } from './verdict'
import { processTexts } from './texts'
import { spec } from './spec'

export const processScenario: ScenarioProgram = {
  spec,

  async run(ctx) {
    const n = Number(ctx.params.processes)
    const joinAll = ctx.params.join === 'all'
    // Earlier children work longer (real work takes different times), so with join=last the
    // last child is done first and the host moves on while the others still run. They start
    // their work together through a start gate: forking one after another takes a while.
    const step = Math.min(200, 3000 / n)
    const gate = ctx.queue({ name: 'start-gate' })
    const children: Process[] = []
    for (let i = 0; i < n; i++) {
      const p = ctx.process({
        task: 'gated',
        args: [gate, 'lingering', paced(ctx, step * (n - i)), 'whoami', i],
        name: `process-${i}`,
        role: 'child'
      })
      children.push(p)
      await p.start()
      await ctx.pause(Math.min(50, 500 / n))
    }
    mark(ctx, 'host: every child started; opening the start gate')
    for (let i = 0; i < n; i++) await gate.put('go')
    if (joinAll) {
      for (const p of children) await p.join()
      mark(ctx, JOINED_ALL)
    } else {
      const last = children.at(-1)!
      await last.join()
      const running = children.filter((p) => p.isAlive()).map((p) => p.pid)
      mark(
        ctx,
        JOINED_LAST,
        `pid ${last.pid} has exited; still running: ${running.length ? running.join(', ') : 'none'}`
      )
    }
    const aliveWhenHostMovedOn = children.map((p) => p.isAlive())
    children.forEach((p, i) => hostPrint(ctx, `p${i}.is_alive() → ${p.isAlive()} (pid ${p.pid})`))
    await ctx.pause(200)
    if (!joinAll) {
      mark(ctx, 'host: at exit, waiting for the children it did not join (as Python does)')
      await Promise.all(children.map((p) => p.join()))
    }
    const report: ChildReport[] = children.map((p, i) => ({
      index: i,
      pid: p.pid,
      aliveWhenHostMovedOn: aliveWhenHostMovedOn[i]!,
      aliveAfterExit: p.isAlive(),
      exitCode: p.exitCode
    }))
    children.forEach((p, i) => hostPrint(ctx, `after exit: p${i}.is_alive() → ${p.isAlive()}`))
    return { join: joinAll ? 'all' : 'last', children: report }
  },
  verdict: processVerdict,
  texts: processTexts
}
