// The `hello` verdict: one child, its PPID the host's PID, the PID it printed the one the host saw.
import { checker, eventsOf } from '../kit/verdictKit'
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { helloTexts } from './texts'

const { check } = checker(helloTexts)

export function helloVerdict(
  events: EventList,
  result: unknown,
  { hostPid }: VerdictContext
): Check[] {
  const spawns = eventsOf(events, 'proc.spawn')
  const exits = eventsOf(events, 'proc.exit')
  const said = result as { pid?: number; ppid?: number } | undefined
  const printed = eventsOf(events, 'stdout').some(
    (e) => said?.pid !== undefined && e.text.includes(`pid ${said.pid}`)
  )
  return [
    check('hello.spawned', spawns.length === 1, { count: spawns.length }, 'hello.spawned.seen'),
    check(
      'hello.ppid',
      said?.ppid === hostPid,
      { said: said?.ppid, host: hostPid },
      'hello.ppid.seen'
    ),
    check(
      'hello.pid',
      printed && spawns[0]?.pid === said?.pid,
      { spawned: spawns.map((s) => s.pid), said: said?.pid },
      'hello.pid.seen'
    ),
    check(
      'hello.exit',
      exits.length === 1 && exits[0]?.code === 0,
      {},
      exits.length === 0
        ? 'hello.exit.none'
        : exits.map((e) => ({
            text: 'hello.exit.seen' as const,
            values: { code: e.code, signal: e.signal }
          }))
    )
  ]
}
