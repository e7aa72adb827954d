// Numbers over time for the charts, bounded: CPU keeps a rolling window (CPU_WINDOW_MS, at most
// MAX_CPU_POINTS samples); queue depths and lock waiters keep the whole run at a fixed number
// of points (pushDecimated halves the resolution when full).
import type { RunEvent } from '../../../shared/events'
import type { Point } from './bounded'
import { pushDecimated } from './bounded'
import { assertNever } from '../../../shared/assertNever'

export const CPU_WINDOW_MS = 60_000
export const MAX_CPU_POINTS = 1200
export const MAX_SERIES_POINTS = 2000
export const MAX_BLOCKED_MARKS = 500
/** The pool's task queue appears among the queues under this key. */
export const POOL_QUEUE = 'pool:tasks'

export interface CpuPoint {
  t: number
  /** % busy per core; null on the sampler's first tick ("no data yet"). */
  cores: readonly (number | null)[]
  /** Sum of the run's child processes, in % of one core. */
  run: number | null
  /** The host process itself, in % of one core. */
  host: number | null
}

export interface QueueStats {
  name: string
  depth: number
  max: number
  puts: number
  gets: number
  blocked: number
  /** Processes waiting on the queue now (a put on a full queue, a get on an empty one). */
  waiting: number
  series: readonly Point[]
  /** Where a put blocked (time, depth then); the newest MAX_BLOCKED_MARKS. */
  blockedAt: readonly Point[]
}

export interface LockStats {
  name: string
  waiting: number
  holder: number | null
  acquisitions: number
  series: readonly Point[]
}

export interface SeriesState {
  cpu: readonly CpuPoint[]
  queues: ReadonlyMap<string, QueueStats>
  locks: ReadonlyMap<string, LockStats>
  tasks: { queued: number; started: number; done: number; failed: number }
  /** Who waits on which queue ("queue:pid:op"); bounded by the number of processes. */
  queueWaits: ReadonlySet<string>
}

export const emptySeries: SeriesState = {
  cpu: [],
  queues: new Map(),
  locks: new Map(),
  tasks: { queued: 0, started: 0, done: 0, failed: 0 },
  queueWaits: new Set()
}

const RELEVANT = new Set<RunEvent['type']>([
  'sample',
  'queue.depth',
  'queue.put',
  'queue.get',
  'queue.wait',
  'queue.timeout',
  'task.queued',
  'task.start',
  'task.end',
  'lock.wait',
  'lock.acquire',
  'lock.release',
  'lock.timeout'
])

export function applySeries(
  prev: SeriesState,
  events: readonly RunEvent[],
  hostPid: number | null
): SeriesState {
  if (!events.some((e) => RELEVANT.has(e.type))) return prev
  const cpu: CpuPoint[] = []
  const queues = new Map(prev.queues)
  const locks = new Map(prev.locks)
  const tasks = { ...prev.tasks }
  // Copy a queue's arrays once per batch, then mutate the copy.
  const touchedQ = new Set<string>()
  // A put that announced its wait (queue.wait) counts as blocked then, not again at the put.
  const waits = new Set(prev.queueWaits)
  const queue = (name: string): QueueStats & { series: Point[]; blockedAt: Point[] } => {
    const q = queues.get(name) ?? emptyQueue(name)
    if (!touchedQ.has(name)) {
      touchedQ.add(name)
      queues.set(name, { ...q, series: [...q.series], blockedAt: [...q.blockedAt] })
    }
    return queues.get(name) as QueueStats & { series: Point[]; blockedAt: Point[] }
  }
  const touchedL = new Set<string>()
  const lock = (name: string): LockStats & { series: Point[] } => {
    const l = locks.get(name) ?? { name, waiting: 0, holder: null, acquisitions: 0, series: [] }
    if (!touchedL.has(name)) {
      touchedL.add(name)
      locks.set(name, { ...l, series: [...l.series] })
    }
    return locks.get(name) as LockStats & { series: Point[] }
  }
  const setDepth = (q: QueueStats & { series: Point[] }, t: number, depth: number): void => {
    q.depth = depth
    q.max = Math.max(q.max, depth)
    pushDecimated(q.series, { t, v: depth }, MAX_SERIES_POINTS)
  }
  for (const e of events) {
    switch (e.type) {
      case 'sample': {
        // No children in the sample: the run uses 0 %; only first ticks are "no data yet".
        let sum = 0
        let measured = 0
        let unmeasured = 0
        let host: number | null = null
        for (const p of e.procs) {
          if (p.pid === hostPid) host = p.cpu
          else if (p.cpu === null) unmeasured++
          else {
            sum += p.cpu
            measured++
          }
        }
        const run = measured === 0 && unmeasured > 0 ? null : sum
        cpu.push({ t: e.t, cores: e.cores, run, host })
        break
      }
      case 'queue.depth':
        setDepth(queue(e.queue), e.t, e.depth)
        break
      case 'queue.wait': {
        const q = queue(e.queue)
        q.waiting++
        waits.add(`${e.queue}:${e.pid}:${e.op}`)
        if (e.op === 'put') markBlocked(q, e.t)
        break
      }
      case 'queue.timeout': {
        const q = queue(e.queue)
        if (waits.delete(`${e.queue}:${e.pid}:${e.op}`)) q.waiting = Math.max(0, q.waiting - 1)
        break
      }
      case 'queue.put': {
        const q = queue(e.queue)
        q.puts++
        const waited = waits.delete(`${e.queue}:${e.pid}:put`)
        if (waited) q.waiting = Math.max(0, q.waiting - 1)
        else if (e.blocked) markBlocked(q, e.t)
        break
      }
      case 'queue.get': {
        const q = queue(e.queue)
        q.gets++
        if (waits.delete(`${e.queue}:${e.pid}:get`)) q.waiting = Math.max(0, q.waiting - 1)
        break
      }
      case 'task.queued': {
        tasks.queued++
        const q = queue(POOL_QUEUE)
        q.puts++
        setDepth(q, e.t, q.depth + 1)
        break
      }
      case 'task.start': {
        tasks.started++
        const q = queue(POOL_QUEUE)
        q.gets++
        setDepth(q, e.t, Math.max(0, q.depth - 1))
        break
      }
      case 'task.end':
        if (e.ok) tasks.done++
        else tasks.failed++
        break
      case 'lock.wait': {
        const l = lock(e.lock)
        l.waiting++
        pushDecimated(l.series, { t: e.t, v: l.waiting }, MAX_SERIES_POINTS)
        break
      }
      case 'lock.acquire': {
        const l = lock(e.lock)
        l.waiting = Math.max(0, l.waiting - 1)
        l.holder = e.pid
        l.acquisitions++
        pushDecimated(l.series, { t: e.t, v: l.waiting }, MAX_SERIES_POINTS)
        break
      }
      case 'lock.timeout': {
        const l = lock(e.lock)
        l.waiting = Math.max(0, l.waiting - 1)
        pushDecimated(l.series, { t: e.t, v: l.waiting }, MAX_SERIES_POINTS)
        break
      }
      case 'lock.release': {
        const l = lock(e.lock)
        if (l.holder === e.pid) l.holder = null
        break
      }
      case 'run.start':
      case 'proc.spawn':
      case 'proc.ready':
      case 'proc.exit':
      case 'stdout':
      case 'stderr':
      case 'pipe.send':
      case 'pipe.recv':
      case 'pipe.close':
      case 'log':
      case 'run.end':
        break
      default:
        assertNever(e, 'event')
    }
  }
  return { cpu: trimCpu(prev.cpu, cpu), queues, locks, tasks, queueWaits: waits }
}

function markBlocked(q: QueueStats & { blockedAt: Point[] }, t: number): void {
  q.blocked++
  q.blockedAt.push({ t, v: q.depth })
  if (q.blockedAt.length > MAX_BLOCKED_MARKS) q.blockedAt.shift()
}

function emptyQueue(name: string): QueueStats {
  return {
    name,
    depth: 0,
    max: 0,
    puts: 0,
    gets: 0,
    blocked: 0,
    waiting: 0,
    series: [],
    blockedAt: []
  }
}

/** The rolling CPU window: the newest samples within CPU_WINDOW_MS, at most MAX_CPU_POINTS. */
function trimCpu(prev: readonly CpuPoint[], added: readonly CpuPoint[]): readonly CpuPoint[] {
  if (added.length === 0) return prev
  const all = prev.concat(added)
  const end = all[all.length - 1]!.t
  let from = Math.max(0, all.length - MAX_CPU_POINTS)
  while (from < all.length && all[from]!.t < end - CPU_WINDOW_MS) from++
  return from === 0 ? all : all.slice(from)
}
