// The `pool-apply` verdict: the pool's workers, one task on one of them, the right result.
import { poolChecks } from '../kit/poolChecks'
import { check, eventsOf } from '../kit/verdictKit'
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import type { VerdictContext } from '../Verdict'

export function poolApplyVerdict(
  events: EventList,
  result: unknown,
  { hostPid, params }: VerdictContext
): LabelledCheck[] {
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
