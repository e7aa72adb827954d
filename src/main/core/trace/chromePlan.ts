// First pass over a run for the Chrome export: what must be known before an event is written
// (each process's lifetime and name, each task's end, which queue/pipe messages pair up), so
// that the second pass can write slices with their durations, in time order, in one sweep.
import type { RunEvent } from '../../../shared/events'
import type { EventList } from '../session/EventList'
import { FlowPlan } from './chromeFlows'
import { EventMarks } from './EventMarks'
import { sanitizeText } from './sanitizeText'
import { assertNever } from '../../../shared/assertNever'

export interface ProcInfo {
  pid: number
  /** Display name. */
  name: string
  /** Its lifetime slice starts with the first event that names it (its spawn, normally). */
  start: number
  startIndex: number
  ppid: number | undefined
  /** Undefined while no exit was recorded (the slice then ends with the run). */
  exit: number | undefined
  /** Sort position: launch order (host first). */
  order: number
}

/** One run of a task on a worker (a task retried elsewhere has one span per start). */
export interface TaskSpan {
  /** Unique per span: the async id when written as b/e. */
  id: number
  task: number
  worker: number
  end: number | undefined
  /** Overlaps another task on the same worker: written as async b/e, not as an X slice. */
  async: boolean
}

/** What one export's emit pass needs; its marks are taken in one sweep (a plan is used once). */
export interface ChromePlan {
  procs: Map<number, ProcInfo>
  /** Event index → the PIDs whose lifetime slice starts there (read in one sweep). */
  startsAt: EventMarks<number>
  /** Event index of a task.start → its span; of a task.end → the span it ends (one sweep). */
  taskStarts: EventMarks<TaskSpan>
  taskEnds: EventMarks<TaskSpan>
  taskNames: Map<number, string>
  /** Flow arrows: queue put → get, pipe send → recv. */
  flows: FlowPlan
  endT: number
  /** The pseudo-process holding per-core CPU counters; never one of the run's PIDs. */
  coresPid: number
}

/**
 * The pid of the "CPU cores" pseudo-process. Linux PIDs stay below PID_MAX_LIMIT = 2^22 (pid_max
 * cannot be set higher) and macOS's below 100000, so this is no real PID there; 0 would be
 * ambiguous (the idle task in kernel traces). Should a trace (from another OS) hold it anyway,
 * the next number no PID of that trace uses is taken instead.
 */
export const CPU_CORES_PID = 4_194_304

/**
 * Events read per slice of the run (see EventRecorder), and Chrome events per batch (chromeTrace):
 * under 100, so that no allocation site (one decoder per event shape, one literal per kind of
 * Chrome event) can have 100 objects alive at once. V8 pretenures a site once 100 of its objects
 * were allocated since the last GC and 85 % of them survive it; with larger batches that
 * happened when two GCs fell within one batch, and from then on those objects went straight to
 * the old space (the peak RSS it cost: docs/measurements.md).
 */
export const CHUNK = 96

export function planChromeTrace(events: EventList, hostPid: number): ChromePlan {
  const procs = new Map<number, ProcInfo>()
  const taskStarts = new EventMarks<TaskSpan>()
  const taskEnds = new EventMarks<TaskSpan>()
  const taskNames = new Map<number, string>()
  const openTasks = new Map<number, Map<number, TaskSpan>>() // worker pid → task → running span
  // Worker pid → its running span that started alone: the only running span not yet async (a
  // span that starts while others run is async, and makes that one async), so that a start
  // need not visit every running span (a worker with thousands open was quadratic).
  const alone = new Map<number, TaskSpan>()
  const n = events.length
  const flows = new FlowPlan(n)
  const endT = n ? events.at(n - 1)!.t : 0
  let i = 0
  // The default name is made only for a new process (a default parameter would build it on
  // every call, i.e. for every event).
  const see = (pid: number, t: number, name?: string): ProcInfo => {
    let proc = procs.get(pid)
    if (!proc) {
      proc = {
        pid,
        name: name ?? `pid ${pid}`,
        start: t,
        startIndex: i,
        ppid: undefined,
        exit: undefined,
        order: procs.size
      }
      procs.set(pid, proc)
    }
    return proc
  }
  see(hostPid, events.at(0)?.t ?? 0, 'PoolScope host')

  let chunk: RunEvent[] = []
  let base = 0
  for (; i < n; i++) {
    if (i - base === chunk.length) chunk = events.slice((base = i), i + CHUNK)
    const e = chunk[i - base]!
    switch (e.type) {
      case 'proc.spawn': {
        const proc = see(e.pid, e.t)
        proc.name = `${sanitizeText(e.name)} (${sanitizeText(e.role)})`
        proc.ppid = e.ppid
        break
      }
      case 'proc.exit':
        see(e.pid, e.t)
        procs.get(e.pid)!.exit = e.t
        break
      case 'task.queued':
        taskNames.set(e.task, sanitizeText(e.name))
        break
      case 'task.start': {
        see(e.worker, e.t)
        let running = openTasks.get(e.worker)
        if (!running) openTasks.set(e.worker, (running = new Map()))
        if (running.has(e.task)) break // started twice without an end: the first span stands
        const span: TaskSpan = {
          id: taskStarts.size + 1,
          task: e.task,
          worker: e.worker,
          end: undefined,
          async: running.size > 0
        }
        if (running.size === 0) alone.set(e.worker, span)
        else {
          const other = alone.get(e.worker)
          if (other) other.async = true
          alone.delete(e.worker)
        }
        running.set(e.task, span)
        taskStarts.add(i, span)
        break
      }
      case 'task.end': {
        see(e.worker, e.t)
        const span = openTasks.get(e.worker)?.get(e.task)
        if (span) {
          span.end = e.t
          openTasks.get(e.worker)!.delete(e.task)
          if (alone.get(e.worker) === span) alone.delete(e.worker)
          taskEnds.add(i, span)
        }
        break
      }
      case 'queue.put':
        see(e.pid, e.t)
        flows.put(e.queue, e.msg, i)
        break
      case 'queue.get':
        see(e.pid, e.t)
        flows.get(e.queue, e.msg, i)
        break
      case 'pipe.send':
        see(e.pid, e.t)
        if (e.msg !== undefined) flows.send(e.pipe, e.pid, e.msg, e.count ?? 1, i)
        break
      case 'pipe.recv':
        see(e.pid, e.t)
        if (e.msg !== undefined) flows.recv(e.pipe, e.pid, e.msg, i)
        break
      case 'sample':
        for (const p of e.procs) see(p.pid, e.t)
        break
      case 'run.start':
      case 'run.end':
      case 'queue.depth':
      case 'log':
        break
      case 'proc.ready':
      case 'stdout':
      case 'stderr':
      case 'queue.wait':
      case 'queue.timeout':
      case 'lock.wait':
      case 'lock.acquire':
      case 'lock.release':
      case 'lock.timeout':
      case 'pipe.close':
        see(e.pid, e.t)
        break
      default:
        assertNever(e, 'event')
    }
  }
  const within = (index: number): boolean => {
    const e = events.at(index) as { t: number; pid: number }
    const p = procs.get(e.pid)!
    return e.t >= p.start && e.t <= (p.exit ?? endT)
  }
  flows.finish((from, to) => within(from) && within(to))
  let coresPid = CPU_CORES_PID
  while (procs.has(coresPid)) coresPid++
  // Processes are met in event order: their start indices do not decrease.
  const startsAt = new EventMarks<number>()
  for (const p of procs.values()) startsAt.add(p.startIndex, p.pid)
  return { procs, startsAt, taskStarts, taskEnds, taskNames, flows, endT, coresPid }
}
