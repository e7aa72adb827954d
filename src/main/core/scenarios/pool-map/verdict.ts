// The `pool-map` verdict: the squares in order, the pool's workers reused, its task queue emptied.
import { POOL, poolChecks, tasksPerWorker } from '../kit/poolChecks'
import { check, eventsOf } from '../kit/verdictKit'
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

const SHOWN = 20

const REUSED = 'workers were reused (more tasks than workers)'

const REUSED_KO = '워커가 재사용됨 (태스크가 워커보다 많음)'

export function show(list: readonly unknown[]): string {
  const head = list.slice(0, SHOWN).map((v) => JSON.stringify(v))
  return `[${head.join(', ')}${list.length > SHOWN ? `, … (${list.length} in all)` : ''}]`
}

export function poolMapVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): LabelledCheck[] {
  const size = Number(params.processes)
  const n = Number(params.items)
  const got = Array.isArray(result) ? result : []
  const wrong = got.findIndex((v, i) => v !== (i + 1) * (i + 1))
  const per = tasksPerWorker(events)
  const tasks = eventsOf(events, 'task.start').length
  const depths = eventsOf(events, 'queue.depth').filter((e) => e.queue === `pool:${POOL}`)
  const peak = Math.max(0, ...depths.map((d) => d.depth))
  const reused = [...per.values()].some((k) => k > 1)
  return [
    check(
      'the result is the squares of 1..items, in order',
      '결과는 1..items의 제곱을 순서대로 나열한 목록',
      got.length === n && wrong === -1,
      wrong === -1
        ? `${show(got)}`
        : `item ${wrong + 1}: got ${JSON.stringify(got[wrong])} (${got.length} results)`
    ),
    ...poolChecks(events, hostPid, size),
    tasks > size
      ? check(
          REUSED,
          REUSED_KO,
          reused,
          `${tasks} tasks on ${per.size} workers: ${[...per.values()].join(', ')} each`
        )
      : check(
          REUSED,
          REUSED_KO,
          true,
          `${tasks} task(s) for ${size} worker(s): no reuse needed`,
          'not-applicable'
        ),
    check(
      "the pool's task queue emptied",
      '풀의 태스크 큐가 비워짐',
      depths.length > 0 && depths.at(-1)!.depth === 0,
      `peak depth ${peak}, final ${depths.at(-1)?.depth}`
    )
  ]
}
