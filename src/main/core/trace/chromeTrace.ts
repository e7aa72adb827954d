// Chrome Trace Event JSON (.trace.json) for Perfetto UI and chrome://tracing. One track per
// real process (pid = tid = its PID): its lifetime and its tasks as slices, instants for what
// happens to it, waits as async slices, counters for queue depth, lock waiters and CPU, flows
// from queue put → get and pipe send → recv; per-core CPU lives in the pseudo-process
// "CPU cores" (see CPU_CORES_PID). Objects are built without spreads and names are cached:
// this runs a few million times for a large run.
import type { RunEvent } from '../../../shared/events'
import type { TraceMeta } from '../../../shared/trace'
import type { TraceDoc } from './TraceDoc'
import type { ChromeEvent } from './chromeEvent'
import { us } from './chromeEvent'
import type { ChromePlan, TaskSpan } from './chromePlan'
import { CHUNK, planChromeTrace } from './chromePlan'
import { ChromeWaits } from './chromeWaits'
import { sanitizeText } from './sanitizeText'
import { assertNever } from '../../../shared/assertNever'

type Args = Record<string, unknown>

/** The metadata events: every process named, sorted in launch order. */
function* metadata(trace: TraceDoc, plan: ChromePlan): Generator<ChromeEvent> {
  for (const p of plan.procs.values()) {
    const name = p.pid === trace.meta.hostPid ? `PoolScope host: ${trace.meta.scenario}` : p.name
    yield { name: 'process_name', ph: 'M', pid: p.pid, args: { name: sanitizeText(name) } }
    yield { name: 'process_sort_index', ph: 'M', pid: p.pid, args: { sort_index: p.order } }
    yield { name: 'thread_name', ph: 'M', pid: p.pid, tid: p.pid, args: { name: 'main' } }
  }
  const pid = plan.coresPid
  yield { name: 'process_name', ph: 'M', pid, args: { name: 'CPU cores' } }
  yield { name: 'thread_name', ph: 'M', pid, tid: pid, args: { name: 'cores' } }
  yield { name: 'process_sort_index', ph: 'M', pid, args: { sort_index: -1 } }
}

function instant(t: number, pid: number, name: string, args?: Args): ChromeEvent {
  // No "s": thread scope is the default, in chrome://tracing and Perfetto alike.
  const ev: ChromeEvent = { name, ph: 'i', pid, tid: pid, ts: us(t) }
  if (args) ev.args = args
  return ev
}

function slice(
  pid: number,
  name: string,
  cat: string,
  from: number,
  to: number,
  args: Args
): ChromeEvent {
  const dur = Math.max(0, Math.round((us(to) - us(from)) * 1e3) / 1e3)
  return { name, cat, ph: 'X', pid, tid: pid, ts: us(from), dur, args }
}

/**
 * Counters belong to a process (tid = pid keeps Perfetto from inventing a thread 0). Perfetto
 * names a counter track "<name> <arg key>": `queue jobs` + `depth` → "queue jobs depth".
 */
function counter(t: number, pid: number, name: string, args: Record<string, number>): ChromeEvent {
  return { name, ph: 'C', pid, tid: pid, ts: us(t), args }
}

/** The run's metadata on its slice; every string (keys too) comes from a file: sanitised. */
function runArgs(meta: TraceMeta): Args {
  const clean = (v: unknown): unknown => (typeof v === 'string' ? sanitizeText(v) : v)
  const params = Object.fromEntries(
    Object.entries(meta.params).map(([k, v]) => [sanitizeText(k), clean(v)])
  )
  const start = new Date(meta.startedAt)
  return {
    ...Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, clean(v)])),
    params,
    startedAt: Number.isNaN(start.getTime()) ? meta.startedAt : start.toISOString()
  }
}

/** `verb channel` names (put jobs, wait counter, …), sanitised once per pair; looked up by verb,
 *  then channel, without building a key string per event. */
function nameCache(): (verb: string, channel: string) => string {
  const byVerb = new Map<string, Map<string, string>>()
  return (verb, channel) => {
    let names = byVerb.get(verb)
    if (!names) byVerb.set(verb, (names = new Map()))
    let name = names.get(channel)
    if (name === undefined) names.set(channel, (name = `${verb} ${sanitizeText(channel)}`))
    return name
  }
}

/** Every Chrome event of the trace, in time order (metadata first). */
export function* chromeTraceEvents(trace: TraceDoc): Generator<ChromeEvent> {
  for (const batch of chromeTraceBatches(trace)) yield* batch
}

/**
 * The same events in batches of about `size`: one generator step per batch instead of one per
 * event (the per-event cost matters at millions of events). Small batches: see CHUNK.
 */
export function* chromeTraceBatches(trace: TraceDoc, size = CHUNK): Generator<ChromeEvent[]> {
  const { events, meta } = trace
  const host = meta.hostPid
  const plan = planChromeTrace(events, host)
  let out: ChromeEvent[] = [...metadata(trace, plan)]
  const emit = (ev: ChromeEvent): void => {
    out.push(ev)
  }
  const waits = new ChromeWaits()
  const named = nameCache()
  const openAsyncTasks = new Set<TaskSpan>()
  const lastCore: number[] = []
  const coreNames: string[] = []
  const lastProc = new Map<number, { cpu: number | null; rss: number }>()
  const lifetimeEnd = (pid: number): number => plan.procs.get(pid)?.exit ?? plan.endT
  const lifetime = (pid: number): ChromeEvent => {
    const proc = plan.procs.get(pid)!
    if (pid === host) {
      const name = `run ${sanitizeText(meta.scenario)}`
      return slice(host, name, 'process', proc.start, plan.endT, runArgs(meta))
    }
    const args: Args = {}
    if (proc.ppid !== undefined) args.ppid = proc.ppid
    if (proc.exit === undefined) args.exit = 'not recorded'
    return slice(pid, proc.name, 'process', proc.start, lifetimeEnd(pid), args)
  }
  const taskName = (task: number): string =>
    plan.taskNames.has(task) ? `task ${task} ${plan.taskNames.get(task)}` : `task ${task}`
  /** The flow events at event i: s for each flow a put/send starts, f for the one a get/recv ends. */
  const flowsAt = (i: number, e: { t: number; pid: number }, name: string, cat: string): void => {
    const ts = us(e.t)
    const { out, moreOut, into } = plan.flows
    if (into[i]) emit({ name, cat, ph: 'f', bp: 'e', id: into[i]!, pid: e.pid, tid: e.pid, ts })
    if (!out[i]) return
    emit({ name, cat, ph: 's', id: out[i]!, pid: e.pid, tid: e.pid, ts })
    for (let id = moreOut.take(i); id !== undefined; id = moreOut.take(i))
      emit({ name, cat, ph: 's', id, pid: e.pid, tid: e.pid, ts })
  }
  const taskEvent = (ph: 'b' | 'e', span: TaskSpan, t: number, args?: Args): ChromeEvent => {
    const { worker } = span
    const ev: ChromeEvent = {
      name: taskName(span.task),
      cat: 'task',
      ph,
      id: span.id,
      pid: worker,
      tid: worker,
      ts: us(t)
    }
    if (args) ev.args = args
    return ev
  }

  const n = events.length
  let chunk: RunEvent[] = []
  let base = 0
  for (let i = 0; i < n; i++) {
    if (out.length >= size) {
      yield out
      out = []
    }
    // A slice at a time: a compact recorder decodes one block per call, not one event.
    if (i - base === chunk.length) chunk = events.slice((base = i), i + CHUNK)
    const e = chunk[i - base]!
    // Lifetime slices first: everything else a process does happens inside its slice.
    for (let pid = plan.startsAt.take(i); pid !== undefined; pid = plan.startsAt.take(i))
      emit(lifetime(pid))
    switch (e.type) {
      case 'run.start':
        break
      case 'proc.spawn':
        emit(instant(e.t, e.pid, 'spawn', { ppid: e.ppid, role: sanitizeText(e.role) }))
        break
      case 'proc.ready':
        emit(instant(e.t, e.pid, 'ready'))
        break
      case 'proc.exit':
        emit(
          instant(e.t, e.pid, 'exit', { code: e.code, signal: e.signal && sanitizeText(e.signal) })
        )
        break
      case 'stdout':
      case 'stderr':
        emit(instant(e.t, e.pid, e.type, { text: sanitizeText(e.text) }))
        break
      case 'log':
        emit(instant(e.t, host, `log ${e.level}`, { text: sanitizeText(e.text) }))
        break
      case 'queue.depth':
        emit(counter(e.t, host, named('queue', e.queue), { depth: e.depth }))
        break
      case 'queue.wait': {
        const begin = waits.begin('queue', e.queue, e.pid, named(`wait ${e.op}`, e.queue), e.t)
        if (begin) emit(begin)
        break
      }
      case 'queue.timeout': {
        const end = waits.end('queue', e.queue, e.pid, e.t, { timeout: true })
        if (end) emit(end)
        emit(instant(e.t, e.pid, named(`timeout ${e.op}`, e.queue)))
        break
      }
      case 'queue.put':
      case 'queue.get': {
        const end = waits.end('queue', e.queue, e.pid, e.t)
        if (end) emit(end)
        const put = e.type === 'queue.put'
        const args: Args = { msg: e.msg }
        if (put && e.blocked) args.blocked = true
        emit(instant(e.t, e.pid, named(put ? 'put' : 'get', e.queue), args))
        flowsAt(i, e, named('queue', e.queue), 'queue')
        break
      }
      case 'pipe.send':
      case 'pipe.recv': {
        const send = e.type === 'pipe.send'
        const args: Args = { bytes: e.bytes }
        if (e.msg !== undefined) args.msg = e.msg
        if (e.count !== undefined) args.count = e.count
        emit(instant(e.t, e.pid, named(send ? 'send' : 'recv', e.pipe), args))
        flowsAt(i, e, named('pipe', e.pipe), 'pipe')
        break
      }
      case 'pipe.close':
        emit(instant(e.t, e.pid, named('close', e.pipe)))
        break
      case 'task.queued':
        emit(instant(e.t, host, 'task queued', { task: e.task, name: plan.taskNames.get(e.task) }))
        break
      case 'task.start': {
        const span = plan.taskStarts.take(i)
        if (!span) emit(instant(e.t, e.worker, `task ${e.task} started again`))
        else if (span.async) {
          openAsyncTasks.add(span)
          emit(taskEvent('b', span, e.t))
        } else {
          // A task cannot outlive its worker: a crash ends the slice at the worker's exit.
          const end = Math.min(span.end ?? plan.endT, lifetimeEnd(e.worker))
          emit(slice(e.worker, taskName(e.task), 'task', e.t, Math.max(e.t, end), { task: e.task }))
        }
        break
      }
      case 'task.end': {
        const span = plan.taskEnds.take(i)
        const args: Args = { ok: e.ok }
        if (e.error) args.error = sanitizeText(e.error)
        if (span?.async && openAsyncTasks.delete(span)) emit(taskEvent('e', span, e.t, args))
        else if (!e.ok) emit(instant(e.t, e.worker, `task ${e.task} failed`, args))
        break
      }
      case 'lock.wait':
      case 'lock.acquire':
      case 'lock.release':
      case 'lock.timeout': {
        const before = waits.waiting('lock', e.lock)
        if (e.type === 'lock.wait') {
          const begin = waits.begin('lock', e.lock, e.pid, named('wait', e.lock), e.t)
          if (begin) emit(begin)
        } else {
          // An acquire ends the wait; so do a timeout and a release of an abandoned lock.
          const ends = e.type !== 'lock.release' || e.abandoned
          const end = ends ? waits.end('lock', e.lock, e.pid, e.t) : undefined
          if (end) emit(end)
          const args = e.abandoned ? { abandoned: true } : undefined
          emit(instant(e.t, e.pid, named(e.type.slice(5), e.lock), args))
        }
        const now = waits.waiting('lock', e.lock)
        if (now !== before) emit(counter(e.t, host, named('lock', e.lock), { waiters: now }))
        break
      }
      case 'sample':
        // A counter holds its value until the next one: repeating an unchanged value adds
        // nothing to the picture, only to the file.
        for (let c = 0; c < e.cores.length; c++) {
          const v = e.cores[c]
          if (v === null || v === undefined || lastCore[c] === v) continue
          lastCore[c] = v
          emit(counter(e.t, plan.coresPid, (coreNames[c] ??= `core ${c}`), { 'cpu %': v }))
        }
        for (const p of e.procs) {
          let last = lastProc.get(p.pid)
          if (!last) lastProc.set(p.pid, (last = { cpu: null, rss: -1 }))
          if (p.cpu !== null && p.cpu !== last.cpu) emit(counter(e.t, p.pid, 'cpu', { '%': p.cpu }))
          last.cpu = p.cpu
          const rss = Math.round(p.rss / 10485.76) / 100
          if (rss !== last.rss) emit(counter(e.t, p.pid, 'rss', { MiB: rss }))
          last.rss = rss
        }
        break
      case 'run.end':
        emit(
          instant(e.t, host, 'run end', {
            status: e.status,
            passed: e.verdict.passed,
            outcome: e.verdict.outcome,
            // ids and figures; their texts are PoolScope's (check texts), not the trace's
            checks: e.verdict.checks.map((c) => ({
              id: c.id,
              outcome: c.outcome,
              values: c.values
            }))
          })
        )
        break
      default:
        assertNever(e, 'event')
    }
  }
  // Whatever is still open when the run ends is closed at its end, so that every b has its e.
  // In batches too: a run can end with a hundred thousand tasks open.
  const closing = function* (): Generator<ChromeEvent> {
    yield* waits.closeAll(plan.endT)
    for (const span of openAsyncTasks) yield taskEvent('e', span, plan.endT, { ended: 'run ended' })
  }
  for (const ev of closing()) {
    out.push(ev)
    if (out.length >= size) {
      yield out
      out = []
    }
  }
  if (out.length) yield out
}
