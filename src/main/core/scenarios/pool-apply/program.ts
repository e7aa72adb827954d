// `pool-apply`: a Pool of N workers; apply_async(square, x) runs one task on a free worker and
// get() waits for its result.
import type { ScenarioProgram } from '../ScenarioProgram'
import { POOL } from '../kit/poolChecks'
import { hostPrint, slowOnly } from '../kit/programKit'
import { poolApplyVerdict } from './verdict'
import { poolApplyTexts } from './texts'
import { spec } from './spec'

export const poolApplyScenario: ScenarioProgram = {
  spec,

  async run(ctx) {
    const x = Number(ctx.params.x)
    const pool = ctx.pool({ processes: Number(ctx.params.processes), name: POOL })
    await pool.ready()
    await ctx.pause(200)
    hostPrint(ctx, `apply_async(square, (${x},))`)
    const result = await pool.apply('square', [x, slowOnly(ctx, 300)])
    hostPrint(ctx, `get() → ${JSON.stringify(result)}`)
    await ctx.pause(200)
    pool.close()
    await pool.join()
    return { x, result }
  },
  verdict: poolApplyVerdict,
  texts: poolApplyTexts
}
