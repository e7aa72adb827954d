// What the timeline draws, bounded: the last MAX_SPANS finished spans (tasks, lock waits and
// holds), the last MAX_ARROWS pipe messages and MAX_TICKS output writes, plus running totals
// so the view can say how much is not shown.
import type { RunEvent } from '../../../shared/events'
import { appendBounded } from './bounded'
import { assertNever } from '../../../shared/assertNever'

export const MAX_SPANS = 5000
export const MAX_ARROWS = 1000
export const MAX_TICKS = 3000
const MAX_PENDING_SENDS = 1000

export type SpanKind = 'task' | 'lock-wait' | 'lock-hold' | 'queue-wait'

export interface Span {
  kind: SpanKind
  pid: number
  start: number
  end: number
  label: string
  failed?: boolean
}
export type OpenSpan = Omit<Span, 'end'>

export interface Arrow {
  pipe: string
  from: number
  to: number
  tSend: number
  tRecv: number
  bytes: number
  /** Messages this arrow stands for (the host reports bursts as one event). */
  count: number
}

export interface Tick {
  pid: number
  t: number
}

export interface PipeClose extends Tick {
  pipe: string
}

interface PendingSend {
  pid: number
  t: number
  /** Last message id of the send (a burst covers msg - count + 1 … msg). */
  msg?: number
  count: number
  bytes: number
}

export interface TimelineState {
  spans: readonly Span[]
  /** Spans still going on, by key (a task, or a lock wait/hold of one process). */
  open: ReadonlyMap<string, OpenSpan>
  arrows: readonly Arrow[]
  ticks: readonly Tick[]
  /** A process closing its end of a pipe; bounded like the arrows. */
  closes: readonly PipeClose[]
  pending: ReadonlyMap<string, readonly PendingSend[]>
  totals: { spans: number; arrows: number; ticks: number }
}

export const emptyTimeline: TimelineState = {
  spans: [],
  open: new Map(),
  arrows: [],
  ticks: [],
  closes: [],
  pending: new Map(),
  totals: { spans: 0, arrows: 0, ticks: 0 }
}

const RELEVANT = new Set<RunEvent['type']>([
  'task.start',
  'task.end',
  'lock.wait',
  'lock.acquire',
  'lock.release',
  'lock.timeout',
  'queue.wait',
  'queue.timeout',
  'queue.put',
  'queue.get',
  'pipe.send',
  'pipe.recv',
  'pipe.close',
  'stdout',
  'stderr'
])

export function applyTimeline(prev: TimelineState, events: readonly RunEvent[]): TimelineState {
  if (!events.some((e) => RELEVANT.has(e.type))) return prev
  const open = new Map(prev.open)
  const pending = new Map(prev.pending)
  const spans: Span[] = []
  const arrows: Arrow[] = []
  const ticks: Tick[] = []
  const closes: PipeClose[] = []
  const close = (key: string, t: number, failed?: boolean): void => {
    const s = open.get(key)
    if (!s) return
    open.delete(key)
    spans.push({ ...s, end: t, ...(failed ? { failed } : {}) })
  }
  for (const e of events) {
    switch (e.type) {
      case 'task.start':
        open.set(`task:${e.task}`, { kind: 'task', pid: e.worker, start: e.t, label: `#${e.task}` })
        break
      case 'task.end':
        close(`task:${e.task}`, e.t, !e.ok)
        break
      case 'lock.wait':
        open.set(`wait:${e.lock}:${e.pid}`, {
          kind: 'lock-wait',
          pid: e.pid,
          start: e.t,
          label: e.lock
        })
        break
      case 'lock.acquire':
        close(`wait:${e.lock}:${e.pid}`, e.t)
        open.set(`hold:${e.lock}:${e.pid}`, {
          kind: 'lock-hold',
          pid: e.pid,
          start: e.t,
          label: e.lock
        })
        break
      case 'lock.release':
        close(`wait:${e.lock}:${e.pid}`, e.t)
        close(`hold:${e.lock}:${e.pid}`, e.t)
        break
      case 'lock.timeout':
        close(`wait:${e.lock}:${e.pid}`, e.t, true)
        break
      case 'queue.wait':
        open.set(`q:${e.queue}:${e.pid}:${e.op}`, {
          kind: 'queue-wait',
          pid: e.pid,
          start: e.t,
          label: `${e.queue} ${e.op}`
        })
        break
      case 'queue.timeout':
        close(`q:${e.queue}:${e.pid}:${e.op}`, e.t, true)
        break
      case 'queue.put':
      case 'queue.get':
        if (open.has(`q:${e.queue}:${e.pid}:${e.type.slice(6)}`))
          close(`q:${e.queue}:${e.pid}:${e.type.slice(6)}`, e.t)
        break
      case 'pipe.send': {
        const list = [...(pending.get(e.pipe) ?? [])]
        list.push({ pid: e.pid, t: e.t, msg: e.msg, count: e.count ?? 1, bytes: e.bytes })
        pending.set(e.pipe, list.slice(-MAX_PENDING_SENDS))
        break
      }
      case 'pipe.recv': {
        const list = [...(pending.get(e.pipe) ?? [])]
        // Pair with the send whose messages include the first one received (ids when the
        // host gives them), else first-in first-out.
        const first = e.msg === undefined ? undefined : e.msg - (e.count ?? 1) + 1
        let i =
          first === undefined
            ? -1
            : list.findIndex(
                (s) => s.msg !== undefined && s.msg - s.count + 1 <= first && first <= s.msg
              )
        if (i < 0) i = list.findIndex((s) => s.pid !== e.pid)
        if (i >= 0) {
          const send = list[i]!
          // A burst received in parts stays pending until its last message arrived.
          if (e.msg === undefined || send.msg === undefined || e.msg >= send.msg) list.splice(i, 1)
          arrows.push({
            pipe: e.pipe,
            from: send.pid,
            to: e.pid,
            tSend: send.t,
            tRecv: e.t,
            bytes: e.bytes,
            count: e.count ?? 1
          })
        }
        pending.set(e.pipe, list)
        break
      }
      case 'pipe.close':
        closes.push({ pipe: e.pipe, pid: e.pid, t: e.t })
        break
      case 'stdout':
      case 'stderr':
        ticks.push({ pid: e.pid, t: e.t })
        break
      case 'run.start':
      case 'proc.spawn':
      case 'proc.ready':
      case 'proc.exit':
      case 'queue.depth':
      case 'task.queued':
      case 'sample':
      case 'log':
      case 'run.end':
        break
      default:
        assertNever(e, 'event')
    }
  }
  return {
    spans: appendBounded(prev.spans, spans, MAX_SPANS),
    open,
    arrows: appendBounded(prev.arrows, arrows, MAX_ARROWS),
    ticks: appendBounded(prev.ticks, ticks, MAX_TICKS),
    closes: appendBounded(prev.closes, closes, MAX_ARROWS),
    pending,
    totals: {
      spans: prev.totals.spans + spans.length,
      arrows: prev.totals.arrows + arrows.length,
      ticks: prev.totals.ticks + ticks.length
    }
  }
}
