// The `pool-apply` verdict: the pool's workers, one task on one of them, the right result.
import { poolChecks } from '../kit/poolChecks'
import { checker, eventsOf } from '../kit/verdictKit'
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'
import { poolApplyTexts } from './texts'

const { check } = checker(poolApplyTexts)

export function poolApplyVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): Check[] {
  const x = Number(params.x)
  const got = (result as { result?: unknown } | undefined)?.result
  const [end] = eventsOf(events, 'task.end')
  return [
    ...poolChecks(events, hostPid, Number(params.processes)),
    check(
      'poolApply.one',
      eventsOf(events, 'task.start').length === 1 && !!end?.ok,
      { task: end?.task, worker: end?.worker },
      end ? 'poolApply.one.seen' : 'poolApply.one.none'
    ),
    check(
      'poolApply.result',
      got === x * x,
      { x, square: x * x, got: JSON.stringify(got) ?? null },
      'poolApply.result.seen'
    )
  ]
}
