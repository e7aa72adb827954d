// Checks `pool-apply` and `pool-map` share: the pool's workers and the tasks they ran.
import type { LabelledCheck } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { check, eventsOf, exitedCleanly, spawned, startedBy } from './verdictKit'

export const POOL = 'pool'

/** Tasks run per worker PID (from task.start). */
export function tasksPerWorker(events: EventList): Map<number, number> {
  const out = new Map<number, number>()
  for (const s of eventsOf(events, 'task.start')) out.set(s.worker, (out.get(s.worker) ?? 0) + 1)
  return out
}

export function poolChecks(events: EventList, hostPid: number, size: number): LabelledCheck[] {
  const workers = spawned(events, 'worker')
  const pids = new Set(workers.map((w) => w.pid))
  const queued = eventsOf(events, 'task.queued')
  const ends = eventsOf(events, 'task.end')
  const per = tasksPerWorker(events)
  const strangers = [...per.keys()].filter((pid) => !pids.has(pid))
  return [
    check(
      `a pool of ${size} worker processes, children of the host`,
      `워커 프로세스 ${size}개의 풀, 모두 호스트의 자식`,
      workers.length === size && workers.every((w) => startedBy(w) === hostPid),
      `${workers.length} workers: ${workers.map((w) => w.pid).join(', ')}`
    ),
    check(
      'every task ran on one of the pool’s workers and ended ok',
      '모든 태스크가 풀의 워커에서 실행되어 정상 종료',
      queued.length > 0 &&
        ends.length === queued.length &&
        ends.every((e) => e.ok) &&
        strangers.length === 0,
      `${queued.length} queued, ${ends.filter((e) => e.ok).length} ended ok; ` +
        [...per].map(([pid, k]) => `pid ${pid} ran ${k}`).join(', ')
    ),
    check(
      `at most ${size} distinct worker PIDs ran tasks`,
      `태스크를 실행한 워커 PID는 최대 ${size}개`,
      per.size >= 1 && per.size <= size,
      `${per.size} distinct worker PID(s)`
    ),
    exitedCleanly(events, workers, 'worker', '워커')
  ]
}
