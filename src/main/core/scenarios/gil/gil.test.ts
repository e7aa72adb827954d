import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { parseParams } from '../../../../shared/params'
import { Run } from '../../session/Run'
import { programs } from '../registry'
import {
  checkNamed,
  expectHealthyRun,
  runScenario,
  words
} from '../../../../../test/core/scenarios/runScenario'

describe('scenario: gil', () => {
  it("the default number of workers is this machine's cores, at least 2", () => {
    const spec = programs.get('gil')!.spec
    expect(spec.params.find((p) => p.name === 'workers')?.default).toBe(
      Math.max(2, Math.min(64, availableParallelism()))
    )
  })

  it('workMs=300, threads=off: (a) about one core, (b) in parallel; phases marked in the run', async () => {
    const r = await runScenario('gil', { workMs: 300, threads: 'off' })
    // (b) and the wall times need free cores: on a busy machine they are inconclusive, saying
    // how many cores other programs held (expectHealthyRun checks the reason is there)
    expectHealthyRun(r, { inconclusive: ['gil.processes', 'gil.wall'] })
    const logs = r.events.slice().flatMap((e) => (e.type === 'log' ? [e.text] : []))
    expect(logs.filter((t) => t.includes('phase ('))).toHaveLength(4)
    expect(logs.some((t) => t.includes('phase (c)'))).toBe(false)
    const a = checkNamed(r, 'gil.serial')
    // (a) is measured on this run's own processes: other programs cannot excuse it
    if (availableParallelism() >= 2) expect(a.outcome).toBe('passed')
    const b = checkNamed(r, 'gil.processes')
    if (b.outcome === 'inconclusive') expect(words(b).reason).toMatch(/other programs kept/)
    console.log(`gil workMs=300: ${r.ms.toFixed(0)} ms; ${b.outcome}: ${words(b).observed}`)
  })

  it('defaults (workMs=1000, threads on): three phases, wall times side by side', async () => {
    const r = await runScenario('gil')
    expectHealthyRun(r, { inconclusive: ['gil.processes', 'gil.threads', 'gil.wall'] })
    const wall = (r.run.result as { wallMs: Record<string, number> }).wallMs
    expect(Object.keys(wall).sort()).toEqual(['a', 'b', 'c'])
    console.log(
      `gil defaults: ${r.ms.toFixed(0)} ms; ` +
        r.run
          .verdict!.checks.map(
            (c) => `${words(c).name}: ${c.outcome}: ${words(c).observed} ${words(c).reason}`
          )
          .join(' | ')
    )
  }, 60_000)

  it('stopped in the middle of phase (a), it ends as stopped and leaves no process', async () => {
    const program = programs.get('gil')!
    let run: Run | undefined
    const stopped = new Promise<void>((resolve) => {
      run = new Run('gil-stop', program, parseParams(program.spec, { workMs: 5000 }), (r, e) => {
        if (
          e.type === 'task.start' &&
          e.task > 0 &&
          r.events.slice().some((x) => x.type === 'log' && x.text.includes('phase (a)'))
        ) {
          void r.stop().then(resolve)
        }
      })
    })
    run!.start()
    await stopped
    expect(run!.status).toBe('stopped')
    expect(run!.events.at(-1)).toMatchObject({ type: 'run.end', status: 'stopped' })
    const spawns = run!.events.slice().filter((e) => e.type === 'proc.spawn').length
    expect(run!.events.slice().filter((e) => e.type === 'proc.exit')).toHaveLength(spawns)
  })
})
