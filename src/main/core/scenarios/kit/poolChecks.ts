// Checks `pool-apply` and `pool-map` share: the pool's workers and the tasks they ran.
import type { Check } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { kitTexts } from './texts'
import { checker, eventsOf, exitedCleanly, spawned, startedBy } from './verdictKit'

const { check } = checker(kitTexts)

export const POOL = 'pool'

/** Tasks run per worker PID (from task.start). */
export function tasksPerWorker(events: EventList): Map<number, number> {
  const out = new Map<number, number>()
  for (const s of eventsOf(events, 'task.start')) out.set(s.worker, (out.get(s.worker) ?? 0) + 1)
  return out
}

export function poolChecks(events: EventList, hostPid: number, size: number): Check[] {
  const workers = spawned(events, 'worker')
  const pids = new Set(workers.map((w) => w.pid))
  const queued = eventsOf(events, 'task.queued')
  const ends = eventsOf(events, 'task.end')
  const per = tasksPerWorker(events)
  const strangers = [...per.keys()].filter((pid) => !pids.has(pid))
  return [
    check(
      'kit.pool.workers',
      workers.length === size && workers.every((w) => startedBy(w) === hostPid),
      { size, count: workers.length, pids: workers.map((w) => w.pid) },
      'kit.pool.workers.seen'
    ),
    check(
      'kit.pool.tasks',
      queued.length > 0 &&
        ends.length === queued.length &&
        ends.every((e) => e.ok) &&
        strangers.length === 0,
      { queued: queued.length, ok: ends.filter((e) => e.ok).length },
      [
        { text: 'kit.pool.tasks.seen' },
        ...[...per].map(([pid, k]) => ({
          text: 'kit.pool.tasks.ran' as const,
          values: { pid, tasks: k }
        }))
      ]
    ),
    check(
      'kit.pool.distinct',
      per.size >= 1 && per.size <= size,
      { size, count: per.size },
      'kit.pool.distinct.seen'
    ),
    exitedCleanly(events, workers, 'worker')
  ]
}
