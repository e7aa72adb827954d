// `gil` (multiprocessing vs threading): the same CPU work split N ways, (a) as N jobs taking
// turns on one process's event loop (like Python threads under the GIL: one runs at a time),
// (b) as N worker processes, (c) optionally as N worker_threads in one process (Node threads,
// unlike CPython's, run in parallel). The verdict reads busy cores per phase from the run's
// own samples; the phases are located by their markers.
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { ScenarioSpec } from '../../../../shared/scenarios'
import type { Phase } from './verdict'
import { gilVerdict, PHASES } from './verdict'
import { gilTexts } from './texts'
import { spec } from './spec'
import type { ScenarioContext, ScenarioProgram } from '../ScenarioProgram'
import { mark } from '../kit/programKit'

/** The catalogue's spec with this machine's default: one worker per core, at least 2. */
function machineSpec(): ScenarioSpec {
  return {
    ...spec,
    params: spec.params.map((p) =>
      p.name === 'workers' && p.type === 'int'
        ? { ...p, default: Math.min(p.max, Math.max(2, availableParallelism())) }
        : p
    )
  }
}

async function phase(ctx: ScenarioContext, p: Phase, work: () => Promise<unknown>) {
  mark(ctx, `${PHASES[p]} begins`)
  const t0 = performance.now()
  await work()
  const wallMs = performance.now() - t0
  mark(ctx, `${PHASES[p]} ends`, `wall ${wallMs.toFixed(0)} ms`)
  return wallMs
}

export const gilScenario: ScenarioProgram = {
  spec: machineSpec(),

  async run(ctx) {
    const n = Number(ctx.params.workers)
    const workMs = Number(ctx.params.workMs)
    const pace = Number(ctx.params.pace)
    const pool = ctx.pool({ processes: n, name: 'gil' })
    await pool.ready()
    // workMs of CPU work as a fixed number of steps, measured on a worker first: wall times
    // then show how much parallelism each phase really got.
    const perMs = (await pool.apply('calibrateCrunch', [])) as number
    // Two sampler ticks or more before the work, so every worker has a CPU figure already.
    await ctx.pause(Math.max(300, 250 / pace))
    const units = Math.round(perMs * workMs)
    const wallMs: Partial<Record<Phase, number>> = {}
    wallMs.a = await phase(ctx, 'a', () =>
      pool.apply('crunchInterleaved', [n, units, Math.round(perMs * 5)])
    )
    await ctx.pause(Math.max(500, 250 / pace))
    wallMs.b = await phase(ctx, 'b', () =>
      Promise.all(Array.from({ length: n }, () => pool.apply('crunch', [units])))
    )
    if (ctx.params.threads === 'on') {
      await ctx.pause(Math.max(500, 250 / pace))
      wallMs.c = await phase(ctx, 'c', () => pool.apply('crunchThreads', [n, units]))
    }
    await ctx.pause(300)
    pool.close()
    await pool.join()
    return { workers: n, workMs, unitsPerMs: Math.round(perMs), wallMs }
  },

  verdict: gilVerdict,
  texts: gilTexts
}
