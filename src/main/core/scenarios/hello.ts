// `hello`: the host forks one child that prints its PID and PPID and exits.
import { findScenario } from '../../../shared/scenarios'
import type { ScenarioProgram } from './ScenarioProgram'

export const hello: ScenarioProgram = {
  spec: findScenario('hello')!,

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

  verdict(events, result, { hostPid }) {
    const spawns = events.filter((e) => e.type === 'proc.spawn')
    const exits = events.filter((e) => e.type === 'proc.exit')
    const said = result as { pid?: number; ppid?: number } | undefined
    const printed = events.some(
      (e) => e.type === 'stdout' && said?.pid !== undefined && e.text.includes(`pid ${said.pid}`)
    )
    return [
      {
        name: 'one child process spawned',
        passed: spawns.length === 1,
        observed: `${spawns.length} spawned`
      },
      {
        name: "the child's own PPID is the host's PID",
        passed: said?.ppid === hostPid,
        observed: `child says PPID ${said?.ppid}, host PID ${hostPid}`
      },
      {
        name: 'the PID the host saw is the one the child printed',
        passed: printed && spawns[0]?.type === 'proc.spawn' && spawns[0].pid === said?.pid,
        observed: `spawned ${spawns.map((s) => (s.type === 'proc.spawn' ? s.pid : '')).join(',')}, child says ${said?.pid}`
      },
      {
        name: 'the child exited with code 0',
        passed: exits.length === 1 && exits[0]?.type === 'proc.exit' && exits[0].code === 0,
        observed:
          exits
            .map((e) => (e.type === 'proc.exit' ? `code ${e.code}, signal ${e.signal}` : ''))
            .join('; ') || 'no exit'
      }
    ]
  }
}
