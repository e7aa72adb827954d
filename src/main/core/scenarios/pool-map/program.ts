// `pool-map`: a Pool of N workers maps square over 1..items. With more tasks than workers the
// workers are reused and the pool's task-queue depth falls as they take work.
import type { ScenarioProgram } from '../ScenarioProgram'
import { POOL } from '../kit/poolChecks'
import { hostPrint, paced } from '../kit/programKit'
import { poolMapVerdict, show } from './verdict'
import { poolMapTexts } from './texts'
import { spec } from './spec'

export const poolMapScenario: ScenarioProgram = {
  spec,

  async run(ctx) {
    const items = Array.from({ length: Number(ctx.params.items) }, (_, i) => i + 1)
    const pool = ctx.pool({ processes: Number(ctx.params.processes), name: POOL })
    await pool.ready()
    await ctx.pause(200)
    hostPrint(ctx, `map(square, ${show(items)})`)
    const squares = await pool.map('square', items, {
      args: [paced(ctx, Number(ctx.params.taskMs))]
    })
    hostPrint(ctx, `→ ${show(squares)}`)
    await ctx.pause(200)
    pool.close()
    await pool.join()
    return squares
  },
  verdict: poolMapVerdict,
  texts: poolMapTexts
}
