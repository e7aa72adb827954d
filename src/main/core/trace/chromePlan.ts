// First pass over a run for the Chrome export: what must be known before an event is written
// (each process's lifetime and name, each task's end, which queue/pipe messages pair up), so
// that the second pass can write slices with their durations, in time order, in one sweep.
import type { RunEvent } from '../../../shared/events'
import { sanitizeText } from './sanitizeText'

export interface ProcInfo {
  pid: number
  /** Display name. */
  name: string
  start: number
  /** Undefined while no exit was recorded (the slice then ends with the run). */
  exit: number | undefined
  /** Sort position: launch order (host first). */
  order: number
}

export interface TaskSpan {
  worker: number
  end: number | undefined
  /** Overlaps another task on the same worker: written as async b/e, not as an X slice. */
  async: boolean
}

export interface ChromePlan {
  procs: Map<number, ProcInfo>
  tasks: Map<number, TaskSpan>
  taskNames: Map<number, string>
  /** Per event index: the flow id whose start (put/send) or finish (get/recv) it is; 0 = none. */
  flowIds: Int32Array
  endT: number
  /** The pseudo-process holding per-core CPU counters; never one of the run's PIDs. */
  coresPid: number
}

/** Linux PIDs are below PID_MAX_LIMIT = 2^22 and macOS's below 100000: this is no real PID there. */
export const CPU_CORES_PID = 4_194_304

/** Puts/sends not yet matched, per kind and channel: msg → event index (no string keys: hot). */
class PendingMessages {
  private readonly byChannel = new Map<string, Map<number, number>>()
  put(channel: string, msg: number, index: number): void {
    let m = this.byChannel.get(channel)
    if (!m) this.byChannel.set(channel, (m = new Map()))
    m.set(msg, index)
  }
  take(channel: string, msg: number): number | undefined {
    const m = this.byChannel.get(channel)
    const index = m?.get(msg)
    if (index !== undefined) m!.delete(msg)
    return index
  }
}

export function planChromeTrace(events: readonly RunEvent[], hostPid: number): ChromePlan {
  const procs = new Map<number, ProcInfo>()
  const tasks = new Map<number, TaskSpan>()
  const taskNames = new Map<number, string>()
  const openTasks = new Map<number, Set<number>>() // worker pid → tasks running on it
  const flowIds = new Int32Array(events.length)
  const queued = new PendingMessages()
  const piped = new PendingMessages()
  let nextFlow = 1
  const endT = events.length ? events[events.length - 1]!.t : 0
  const see = (pid: number, t: number): void => {
    if (!procs.has(pid)) {
      procs.set(pid, { pid, name: `pid ${pid}`, start: t, exit: undefined, order: procs.size })
    }
  }
  see(hostPid, 0)
  procs.get(hostPid)!.name = 'PoolScope host'

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    switch (e.type) {
      case 'proc.spawn': {
        const known = procs.get(e.pid)
        const name = `${sanitizeText(e.name)} (${sanitizeText(e.role)})`
        if (known) Object.assign(known, { name, start: Math.min(known.start, e.t) })
        else procs.set(e.pid, { pid: e.pid, name, start: e.t, exit: undefined, order: procs.size })
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
        const running = openTasks.get(e.worker) ?? new Set<number>()
        openTasks.set(e.worker, running)
        const span: TaskSpan = { worker: e.worker, end: undefined, async: running.size > 0 }
        for (const other of running) tasks.get(other)!.async = true
        running.add(e.task)
        tasks.set(e.task, span)
        break
      }
      case 'task.end': {
        const span = tasks.get(e.task)
        if (span && span.end === undefined) span.end = e.t
        openTasks.get(e.worker)?.delete(e.task)
        break
      }
      case 'queue.put':
        see(e.pid, e.t)
        queued.put(e.queue, e.msg, i)
        break
      case 'pipe.send':
        see(e.pid, e.t)
        if (e.msg !== undefined) piped.put(e.pipe, e.msg, i)
        break
      case 'queue.get':
      case 'pipe.recv': {
        see(e.pid, e.t)
        const from =
          e.type === 'queue.get'
            ? queued.take(e.queue, e.msg)
            : e.msg === undefined
              ? undefined
              : piped.take(e.pipe, e.msg)
        if (from !== undefined) {
          flowIds[from] = nextFlow
          flowIds[i] = nextFlow++
        }
        break
      }
      case 'sample':
        for (const p of e.procs) see(p.pid, e.t)
        break
      case 'run.start':
      case 'run.end':
      case 'queue.depth':
      case 'log':
        break
      default:
        see(e.pid, e.t)
    }
  }
  let coresPid = CPU_CORES_PID
  while (procs.has(coresPid)) coresPid++
  return { procs, tasks, taskNames, flowIds, endT, coresPid }
}
