// Chrome Trace Event JSON (.trace.json) for Perfetto UI and chrome://tracing. One track per
// real process (pid = tid = its PID): its lifetime and its tasks as slices, instants for what
// happens to it, waits as async slices, counters for queue depth, lock waiters and CPU, flows
// from queue put → get and pipe send → recv; per-core CPU lives in the pseudo-process
// "CPU cores" (see CPU_CORES_PID).
import type { RunEvent } from '../../../shared/events'
import type { NativeTrace } from '../../../shared/trace'
import type { ChromeEvent } from './chromeEvent'
import { us } from './chromeEvent'
import type { ChromePlan } from './chromePlan'
import { planChromeTrace } from './chromePlan'
import { ChromeWaits } from './chromeWaits'
import { sanitizeText } from './sanitizeText'

type Args = Record<string, unknown>

/** The metadata events: every process named, sorted in launch order. */
function* metadata(trace: NativeTrace, plan: ChromePlan): Generator<ChromeEvent> {
  for (const p of plan.procs.values()) {
    const name = p.pid === trace.meta.hostPid ? `PoolScope host: ${trace.meta.scenario}` : p.name
    yield { name: 'process_name', ph: 'M', pid: p.pid, args: { name: sanitizeText(name) } }
    yield { name: 'process_sort_index', ph: 'M', pid: p.pid, args: { sort_index: p.order } }
    yield { name: 'thread_name', ph: 'M', pid: p.pid, tid: p.pid, args: { name: 'main' } }
  }
  const pid = plan.coresPid
  yield { name: 'process_name', ph: 'M', pid, args: { name: 'CPU cores' } }
  yield { name: 'process_sort_index', ph: 'M', pid, args: { sort_index: -1 } }
}

const instant = (t: number, pid: number, name: string, args?: Args): ChromeEvent => ({
  name,
  ph: 'i',
  s: 't',
  pid,
  tid: pid,
  ts: us(t),
  ...(args ? { args } : {})
})

const slice = (
  pid: number,
  name: string,
  cat: string,
  from: number,
  to: number,
  args?: Args
): ChromeEvent => ({
  name,
  cat,
  ph: 'X',
  pid,
  tid: pid,
  ts: us(from),
  dur: Math.max(0, Math.round((us(to) - us(from)) * 1e3) / 1e3),
  ...(args ? { args } : {})
})

const counter = (
  t: number,
  pid: number,
  name: string,
  args: Record<string, number>
): ChromeEvent => ({
  name,
  ph: 'C',
  pid,
  tid: pid,
  ts: us(t),
  args
})

/** Every Chrome event of the trace, in time order (metadata first). */
export function* chromeTraceEvents(trace: NativeTrace): Generator<ChromeEvent> {
  const { events, meta } = trace
  const host = meta.hostPid
  const plan = planChromeTrace(events, host)
  yield* metadata(trace, plan)
  const waits = new ChromeWaits()
  const openAsyncTasks = new Set<number>()
  const lifetimeEnd = (pid: number): number => plan.procs.get(pid)?.exit ?? plan.endT
  const taskName = (task: number): string =>
    plan.taskNames.has(task) ? `task ${task} ${plan.taskNames.get(task)}` : `task ${task}`
  const flow = (
    i: number,
    e: { t: number; pid: number },
    name: string,
    cat: string,
    end: boolean
  ): ChromeEvent[] =>
    plan.flowIds[i]
      ? [
          {
            name,
            cat,
            ph: end ? 'f' : 's',
            id: plan.flowIds[i],
            pid: e.pid,
            tid: e.pid,
            ts: us(e.t),
            ...(end ? { bp: 'e' as const } : {})
          }
        ]
      : []
  const waitersCounter = (
    e: { t: number; lock: string },
    lock: string,
    before: number
  ): ChromeEvent[] => {
    const now = waits.waiting('lock', e.lock)
    return now === before ? [] : [counter(e.t, host, `lock ${lock} waiters`, { waiters: now })]
  }

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    switch (e.type) {
      case 'run.start':
        yield slice(host, `run ${sanitizeText(meta.scenario)}`, 'process', e.t, plan.endT, {
          ...meta,
          startedAt: new Date(meta.startedAt).toISOString()
        })
        break
      case 'proc.spawn': {
        const proc = plan.procs.get(e.pid)!
        const args = { ppid: e.ppid, ...(proc.exit === undefined ? { exit: 'not recorded' } : {}) }
        yield slice(e.pid, proc.name, 'process', e.t, lifetimeEnd(e.pid), args)
        yield instant(e.t, e.pid, 'spawn', { ppid: e.ppid, role: sanitizeText(e.role) })
        break
      }
      case 'proc.ready':
        yield instant(e.t, e.pid, 'ready')
        break
      case 'proc.exit':
        yield instant(e.t, e.pid, 'exit', { code: e.code, signal: e.signal })
        break
      case 'stdout':
      case 'stderr':
        yield instant(e.t, e.pid, e.type, { text: sanitizeText(e.text) })
        break
      case 'log':
        yield instant(e.t, host, `log ${e.level}`, { text: sanitizeText(e.text) })
        break
      case 'queue.depth':
        yield counter(e.t, host, `queue ${sanitizeText(e.queue)} depth`, { depth: e.depth })
        break
      case 'queue.wait':
        yield (
          waits.begin('queue', e.queue, e.pid, `wait ${e.op} ${sanitizeText(e.queue)}`, e.t) ??
          instant(e.t, e.pid, 'wait again')
        )
        break
      case 'queue.timeout': {
        const end = waits.end('queue', e.queue, e.pid, e.t, { timeout: true })
        if (end) yield end
        yield instant(e.t, e.pid, `timeout ${e.op} ${sanitizeText(e.queue)}`)
        break
      }
      case 'queue.put':
      case 'queue.get': {
        const q = sanitizeText(e.queue)
        const end = waits.end('queue', e.queue, e.pid, e.t)
        if (end) yield end
        const verb = e.type === 'queue.put' ? 'put' : 'get'
        yield instant(e.t, e.pid, `${verb} ${q}`, {
          msg: e.msg,
          ...(e.type === 'queue.put' && e.blocked ? { blocked: true } : {})
        })
        yield* flow(i, e, `queue ${q}`, 'queue', e.type === 'queue.get')
        break
      }
      case 'pipe.send':
      case 'pipe.recv': {
        const p = sanitizeText(e.pipe)
        yield instant(e.t, e.pid, `${e.type === 'pipe.send' ? 'send' : 'recv'} ${p}`, {
          bytes: e.bytes,
          ...(e.msg !== undefined ? { msg: e.msg } : {})
        })
        yield* flow(i, e, `pipe ${p}`, 'pipe', e.type === 'pipe.recv')
        break
      }
      case 'pipe.close':
        yield instant(e.t, e.pid, `close ${sanitizeText(e.pipe)}`)
        break
      case 'task.queued':
        yield instant(e.t, host, `queued task ${e.task}`, { name: plan.taskNames.get(e.task) })
        break
      case 'task.start': {
        const span = plan.tasks.get(e.task)!
        if (span.async) {
          openAsyncTasks.add(e.task)
          yield {
            name: taskName(e.task),
            cat: 'task',
            ph: 'b',
            id: e.task,
            pid: e.worker,
            tid: e.worker,
            ts: us(e.t)
          }
        } else {
          // A task cannot outlive its worker: a crash ends the slice at the worker's exit.
          const end = Math.min(span.end ?? plan.endT, lifetimeEnd(e.worker))
          yield slice(e.worker, taskName(e.task), 'task', e.t, Math.max(e.t, end), { task: e.task })
        }
        break
      }
      case 'task.end': {
        const span = plan.tasks.get(e.task)
        const args = { ok: e.ok, ...(e.error ? { error: sanitizeText(e.error) } : {}) }
        if (span?.async && openAsyncTasks.delete(e.task)) {
          yield {
            name: taskName(e.task),
            cat: 'task',
            ph: 'e',
            id: e.task,
            pid: span.worker,
            tid: span.worker,
            ts: us(e.t),
            args
          }
        } else if (!e.ok) {
          yield instant(e.t, e.worker, `task ${e.task} failed`, args)
        }
        break
      }
      case 'lock.wait':
      case 'lock.acquire':
      case 'lock.release':
      case 'lock.timeout': {
        const lock = sanitizeText(e.lock)
        const before = waits.waiting('lock', e.lock)
        if (e.type === 'lock.wait') {
          const begin = waits.begin('lock', e.lock, e.pid, `wait ${lock}`, e.t)
          if (begin) yield begin
        } else {
          // An acquire ends the wait; so do a timeout and a release of an abandoned lock.
          const ends = e.type !== 'lock.release' || e.abandoned
          const end = ends ? waits.end('lock', e.lock, e.pid, e.t) : undefined
          if (end) yield end
          const verb = e.type.slice('lock.'.length)
          yield instant(
            e.t,
            e.pid,
            `${verb} ${lock}`,
            e.abandoned ? { abandoned: true } : undefined
          )
        }
        yield* waitersCounter(e, lock, before)
        break
      }
      case 'sample':
        for (let c = 0; c < e.cores.length; c++) {
          const v = e.cores[c]
          if (v !== null && v !== undefined)
            yield counter(e.t, plan.coresPid, `core ${c} cpu %`, { cpu: v })
        }
        for (const p of e.procs) {
          if (p.cpu !== null) yield counter(e.t, p.pid, 'cpu %', { cpu: p.cpu })
          yield counter(e.t, p.pid, 'rss MiB', { rss: Math.round((p.rss / 1048576) * 100) / 100 })
        }
        break
      case 'run.end':
        yield instant(e.t, host, 'run end', { status: e.status, passed: e.verdict.passed })
        break
      default:
        unhandled(e)
    }
  }
  // Whatever is still open when the run ends is closed at its end, so that every b has its e.
  yield* waits.closeAll(plan.endT)
  for (const task of openAsyncTasks) {
    const { worker } = plan.tasks.get(task)!
    yield {
      name: taskName(task),
      cat: 'task',
      ph: 'e',
      id: task,
      pid: worker,
      tid: worker,
      ts: us(plan.endT),
      args: { ended: 'run ended' }
    }
  }
}

/** A new event type must be given its Chrome form: this fails to compile until it is. */
function unhandled(e: never): void {
  void (e as RunEvent)
}
