// `hello`: the host forks one child that prints its PID and PPID and exits.
import type { ScenarioProgram } from '../ScenarioProgram'
import { helloVerdict } from './verdict'
import { helloTexts } from './texts'
import { spec } from './spec'

export const hello: ScenarioProgram = {
  spec,

  async run(ctx) {
    await ctx.pause(200)
    // In slow motion the child lingers, so a person (or a test) can find it with `ps`.
    const pace = Number(ctx.params.pace)
    const child = ctx.process({
      task: 'hello',
      args: [pace > 1 ? 200 * pace : 0],
      name: 'child',
      role: 'child'
    })
    await child.start()
    await child.join()
    await ctx.pause(200)
    if (child.error) throw child.error
    return {
      ...(child.result as { pid: number; ppid: number }),
      exitCode: child.exitCode,
      alive: child.isAlive()
    }
  },
  verdict: helloVerdict,
  texts: helloTexts
}
