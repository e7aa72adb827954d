// Checks `pool-apply` and `pool-map` share: the pool's workers and the tasks they ran.
import type { Check, RunEvent } from '../../../shared/events'
import { check, eventsOf, exitedCleanly, spawned } from './verdictKit'

export const POOL = 'pool'

/** Tasks run per worker PID (from task.start). */
export function tasksPerWorker(events: readonly RunEvent[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const s of eventsOf(events, 'task.start')) out.set(s.worker, (out.get(s.worker) ?? 0) + 1)
  return out
}

export function poolChecks(events: readonly RunEvent[], hostPid: number, size: number): Check[] {
  const workers = spawned(events, 'worker')
  const pids = new Set(workers.map((w) => w.pid))
  const queued = eventsOf(events, 'task.queued')
  const ends = eventsOf(events, 'task.end')
  const per = tasksPerWorker(events)
  const strangers = [...per.keys()].filter((pid) => !pids.has(pid))
  return [
    check(
      `a pool of ${size} worker processes, children of the host`,
      workers.length === size && workers.every((w) => w.ppid === hostPid),
      `${workers.length} workers: ${workers.map((w) => w.pid).join(', ')}`
    ),
    check(
      'every task ran on one of the pool’s workers and ended ok',
      queued.length > 0 &&
        ends.length === queued.length &&
        ends.every((e) => e.ok) &&
        strangers.length === 0,
      `${queued.length} queued, ${ends.filter((e) => e.ok).length} ended ok; ` +
        [...per].map(([pid, k]) => `pid ${pid} ran ${k}`).join(', ')
    ),
    check(
      `at most ${size} distinct worker PIDs ran tasks`,
      per.size >= 1 && per.size <= size,
      `${per.size} distinct worker PID(s)`
    ),
    exitedCleanly(events, workers, 'worker')
  ]
}
