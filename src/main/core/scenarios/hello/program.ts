// `hello`: the host forks one child that prints its PID and PPID and exits.
import { findScenario } from '../../../../shared/scenarios'
import type { ScenarioProgram } from '../ScenarioProgram'
import { check, eventsOf } from '../kit/verdictKit'

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
    const spawns = eventsOf(events, 'proc.spawn')
    const exits = eventsOf(events, 'proc.exit')
    const said = result as { pid?: number; ppid?: number } | undefined
    const printed = eventsOf(events, 'stdout').some(
      (e) => said?.pid !== undefined && e.text.includes(`pid ${said.pid}`)
    )
    return [
      check(
        'one child process spawned',
        '자식 프로세스 1개 생성',
        spawns.length === 1,
        `${spawns.length} spawned`
      ),
      check(
        "the child's own PPID is the host's PID",
        '자식이 스스로 확인한 PPID가 호스트의 PID와 같음',
        said?.ppid === hostPid,
        `child says PPID ${said?.ppid}, host PID ${hostPid}`
      ),
      check(
        'the PID the host saw is the one the child printed',
        '호스트가 본 PID와 자식이 출력한 PID가 같음',
        printed && spawns[0]?.type === 'proc.spawn' && spawns[0].pid === said?.pid,
        `spawned ${spawns.map((s) => (s.type === 'proc.spawn' ? s.pid : '')).join(',')}, child says ${said?.pid}`
      ),
      check(
        'the child exited with code 0',
        '자식이 코드 0으로 종료',
        exits.length === 1 && exits[0]?.type === 'proc.exit' && exits[0].code === 0,
        exits
          .map((e) => (e.type === 'proc.exit' ? `code ${e.code}, signal ${e.signal}` : ''))
          .join('; ') || 'no exit'
      )
    ]
  }
}
