// The `hello` verdict: one child, its PPID the host's PID, the PID it printed the one the host saw.
import { check, eventsOf } from '../kit/verdictKit'
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

export function helloVerdict(
  events: EventList,
  result: unknown,
  { hostPid }: VerdictContext
): LabelledCheck[] {
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
