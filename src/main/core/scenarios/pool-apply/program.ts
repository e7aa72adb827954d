// `pool-apply`: a Pool of N workers; apply_async(square, x) runs one task on a free worker and
// get() waits for its result.
import { findScenario } from '../../../../shared/scenarios'
import type { ScenarioProgram } from '../ScenarioProgram'
import { POOL, poolChecks } from '../kit/poolChecks'
import { check, eventsOf, hostPrint, slowOnly } from '../kit/verdictKit'

export const poolApplyScenario: ScenarioProgram = {
  spec: findScenario('pool-apply')!,

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

  verdict(events, result, { hostPid, params }) {
    const x = Number(params.x)
    const got = (result as { result?: unknown } | undefined)?.result
    const [end] = eventsOf(events, 'task.end')
    return [
      ...poolChecks(events, hostPid, Number(params.processes)),
      check(
        'one task, run by one worker',
        '태스크 하나를 워커 하나가 실행',
        eventsOf(events, 'task.start').length === 1 && !!end?.ok,
        end ? `task ${end.task} ran on worker pid ${end.worker}` : 'no task ended'
      ),
      check(
        `the result is ${x}² = ${x * x}`,
        `결과는 ${x}² = ${x * x}`,
        got === x * x,
        `get() returned ${JSON.stringify(got)}`
      )
    ]
  }
}
