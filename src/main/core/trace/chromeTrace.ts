// Chrome Trace Event JSON (.trace.json) for Perfetto UI and chrome://tracing. One track per
// real process (pid = tid = its PID): its lifetime and its tasks as slices, instants for what
// happens to it, counters for queue depth, lock waiters and CPU, flows from queue put → get and
// pipe send → recv; per-core CPU lives in the pseudo-process "CPU cores" (see CPU_CORES_PID).
import type { RunEvent } from '../../../shared/events'
import type { NativeTrace } from '../../../shared/trace'
import type { ChromeEvent } from './chromeEvent'
import { us } from './chromeEvent'
import type { ChromePlan } from './chromePlan'
import { planChromeTrace } from './chromePlan'
import { sanitizeText } from './sanitizeText'

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

/** Every Chrome event of the trace, in time order (metadata first). */
export function* chromeTraceEvents(trace: NativeTrace): Generator<ChromeEvent> {
  const { events, meta } = trace
  const plan = planChromeTrace(events, meta.hostPid)
  yield* metadata(trace, plan)
  const lockWaits = new Map<string, number>() // lock\0pid → async id of the wait
  const waiters = new Map<string, number>() // lock → how many wait
  let nextAsync = 1
  const openAsyncTasks = new Set<number>()
  const lifetimeEnd = (pid: number): number => plan.procs.get(pid)?.exit ?? plan.endT
  const instant = (e: RunEvent, pid: number, name: string, args?: object): ChromeEvent => ({
    name,
    ph: 'i',
    s: 't',
    pid,
    tid: pid,
    ts: us(e.t),
    ...(args ? { args: args as Record<string, unknown> } : {})
  })
  const slice = (
    pid: number,
    name: string,
    cat: string,
    from: number,
    to: number,
    args?: object
  ): ChromeEvent => ({
    name,
    cat,
    ph: 'X',
    pid,
    tid: pid,
    ts: us(from),
    dur: Math.max(0, Math.round((us(to) - us(from)) * 1e3) / 1e3),
    ...(args ? { args: args as Record<string, unknown> } : {})
  })
  const counter = (
    e: RunEvent,
    pid: number,
    name: string,
    args: Record<string, number>
  ): ChromeEvent => ({ name, ph: 'C', pid, tid: pid, ts: us(e.t), args })
  const flow = (
    i: number,
    e: RunEvent & { pid: number },
    name: string,
    cat: string,
    end: boolean
  ): ChromeEvent | undefined =>
    plan.flowIds[i]
      ? {
          name,
          cat,
          ph: end ? 'f' : 's',
          id: plan.flowIds[i],
          pid: e.pid,
          tid: e.pid,
          ts: us(e.t),
          ...(end ? { bp: 'e' as const } : {})
        }
      : undefined

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    switch (e.type) {
      case 'run.start':
        yield slice(meta.hostPid, `run ${sanitizeText(meta.scenario)}`, 'process', e.t, plan.endT, {
          ...meta,
          startedAt: new Date(meta.startedAt).toISOString()
        })
        break
      case 'proc.spawn': {
        const end = lifetimeEnd(e.pid)
        yield slice(e.pid, plan.procs.get(e.pid)!.name, 'process', e.t, end, {
          ppid: e.ppid,
          ...(plan.procs.get(e.pid)!.exit === undefined ? { exit: 'not recorded' } : {})
        })
        yield instant(e, e.pid, 'spawn', { ppid: e.ppid, role: sanitizeText(e.role) })
        break
      }
      case 'proc.ready':
        yield instant(e, e.pid, 'ready')
        break
      case 'proc.exit':
        yield instant(e, e.pid, 'exit', { code: e.code, signal: e.signal })
        break
      case 'stdout':
      case 'stderr':
        yield instant(e, e.pid, e.type, { text: sanitizeText(e.text) })
        break
      case 'log':
        yield instant(e, meta.hostPid, `log ${e.level}`, { text: sanitizeText(e.text) })
        break
      case 'queue.depth':
        yield counter(e, meta.hostPid, `queue ${sanitizeText(e.queue)} depth`, { depth: e.depth })
        break
      case 'queue.put':
      case 'queue.get': {
        const q = sanitizeText(e.queue)
        const verb = e.type === 'queue.put' ? 'put' : 'get'
        yield instant(e, e.pid, `${verb} ${q}`, {
          msg: e.msg,
          ...(e.type === 'queue.put' && e.blocked ? { blocked: true } : {})
        })
        const f = flow(i, e, `queue ${q}`, 'queue', e.type === 'queue.get')
        if (f) yield f
        break
      }
      case 'pipe.send':
      case 'pipe.recv': {
        const p = sanitizeText(e.pipe)
        yield instant(e, e.pid, `${e.type === 'pipe.send' ? 'send' : 'recv'} ${p}`, {
          bytes: e.bytes,
          ...(e.msg !== undefined ? { msg: e.msg } : {})
        })
        const f = flow(i, e, `pipe ${p}`, 'pipe', e.type === 'pipe.recv')
        if (f) yield f
        break
      }
      case 'pipe.close':
        yield instant(e, e.pid, `close ${sanitizeText(e.pipe)}`)
        break
      case 'task.queued':
        yield instant(e, meta.hostPid, `queued task ${e.task}`, {
          name: plan.taskNames.get(e.task)
        })
        break
      case 'task.start': {
        const span = plan.tasks.get(e.task)!
        const name = `task ${e.task}${plan.taskNames.has(e.task) ? ` ${plan.taskNames.get(e.task)}` : ''}`
        if (span.async) {
          openAsyncTasks.add(e.task)
          yield {
            name,
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
          yield slice(e.worker, name, 'task', e.t, Math.max(e.t, end), { task: e.task })
        }
        break
      }
      case 'task.end': {
        const span = plan.tasks.get(e.task)
        const args = { ok: e.ok, ...(e.error ? { error: sanitizeText(e.error) } : {}) }
        if (span?.async && openAsyncTasks.delete(e.task)) {
          yield {
            name: `task ${e.task}`,
            cat: 'task',
            ph: 'e',
            id: e.task,
            pid: span.worker,
            tid: span.worker,
            ts: us(e.t),
            args
          }
        } else if (!e.ok) {
          yield instant(e, e.worker, `task ${e.task} failed`, args)
        }
        break
      }
      case 'lock.wait':
      case 'lock.acquire':
      case 'lock.release': {
        const lock = sanitizeText(e.lock)
        const key = `${e.lock}\u0000${e.pid}`
        const before = waiters.get(e.lock) ?? 0
        let now = before
        if (e.type === 'lock.wait') {
          if (lockWaits.has(key)) break
          lockWaits.set(key, nextAsync)
          now++
          yield {
            name: `wait ${lock}`,
            cat: 'lock',
            ph: 'b',
            id: nextAsync++,
            pid: e.pid,
            tid: e.pid,
            ts: us(e.t)
          }
        } else {
          const id = lockWaits.get(key)
          if (id !== undefined && (e.type === 'lock.acquire' || e.abandoned)) {
            lockWaits.delete(key)
            now--
            yield {
              name: `wait ${lock}`,
              cat: 'lock',
              ph: 'e',
              id,
              pid: e.pid,
              tid: e.pid,
              ts: us(e.t)
            }
          }
          yield instant(
            e,
            e.pid,
            `${e.type === 'lock.acquire' ? 'acquire' : 'release'} ${lock}`,
            e.abandoned ? { abandoned: true } : undefined
          )
        }
        if (now !== before) {
          waiters.set(e.lock, now)
          yield counter(e, meta.hostPid, `lock ${lock} waiters`, { waiters: now })
        }
        break
      }
      case 'sample':
        for (let c = 0; c < e.cores.length; c++) {
          const v = e.cores[c]
          if (v !== null && v !== undefined)
            yield counter(e, plan.coresPid, `core ${c} cpu %`, { cpu: v })
        }
        for (const p of e.procs) {
          if (p.cpu !== null) yield counter(e, p.pid, 'cpu %', { cpu: p.cpu })
          yield counter(e, p.pid, 'rss MiB', { rss: Math.round((p.rss / 1048576) * 100) / 100 })
        }
        break
      case 'run.end':
        yield instant(e, meta.hostPid, 'run end', { status: e.status, passed: e.verdict.passed })
        break
    }
  }
  // Whatever is still open when the run ends is closed at its end, so that every b has its e.
  for (const [key, id] of lockWaits) {
    const [lock, pid] = key.split('\u0000') as [string, string]
    yield {
      name: `wait ${sanitizeText(lock)}`,
      cat: 'lock',
      ph: 'e',
      id,
      pid: Number(pid),
      tid: Number(pid),
      ts: us(plan.endT)
    }
  }
  for (const task of openAsyncTasks) {
    const { worker } = plan.tasks.get(task)!
    yield {
      name: `task ${task}`,
      cat: 'task',
      ph: 'e',
      id: task,
      pid: worker,
      tid: worker,
      ts: us(plan.endT),
      args: { ok: null }
    }
  }
}
