// The `pool-map` verdict: the squares in order, the pool's workers reused, its task queue emptied.
import { POOL, poolChecks, tasksPerWorker } from '../kit/poolChecks'
import { checker, eventsOf } from '../kit/verdictKit'
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { poolMapTexts } from './texts'

const { check } = checker(poolMapTexts)

const SHOWN = 20

/** A list as the host prints it: the first SHOWN items. */
export function show(list: readonly unknown[]): string {
  const shown = list.slice(0, SHOWN).map((v) => JSON.stringify(v))
  return `[${shown.join(', ')}${list.length > SHOWN ? `, … (${list.length} in all)` : ''}]`
}

/** The first SHOWN results, as the check texts list them. */
function head(list: readonly unknown[]): (number | string)[] {
  return list.slice(0, SHOWN).map((v) => (typeof v === 'number' ? v : JSON.stringify(v)))
}

export function poolMapVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): Check[] {
  const size = Number(params.processes)
  const n = Number(params.items)
  const got = Array.isArray(result) ? result : []
  const wrong = got.findIndex((v, i) => v !== (i + 1) * (i + 1))
  const per = tasksPerWorker(events)
  const tasks = eventsOf(events, 'task.start').length
  const depths = eventsOf(events, 'queue.depth').filter((e) => e.queue === `pool:${POOL}`)
  const peak = Math.max(0, ...depths.map((d) => d.depth))
  const reused = [...per.values()].some((k) => k > 1)
  const reuse = { tasks, workers: per.size, each: [...per.values()], size }
  return [
    check(
      'poolMap.squares',
      got.length === n && wrong === -1,
      {
        shown: head(got),
        item: wrong + 1,
        got: JSON.stringify(got[wrong]) ?? null,
        count: got.length
      },
      wrong !== -1
        ? 'poolMap.squares.bad'
        : got.length > SHOWN
          ? 'poolMap.squares.long'
          : 'poolMap.squares.seen'
    ),
    ...poolChecks(events, hostPid, size),
    tasks > size
      ? check('poolMap.reused', reused, reuse, 'poolMap.reused.seen')
      : check('poolMap.reused', true, reuse, 'poolMap.reused.moot', 'not-applicable'),
    check(
      'poolMap.emptied',
      depths.length > 0 && depths.at(-1)!.depth === 0,
      { peak, final: depths.at(-1)?.depth },
      'poolMap.emptied.seen'
    )
  ]
}
