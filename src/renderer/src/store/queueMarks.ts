// Queue messages for the timeline: each put and get as a mark on its process's lane (message
// number, the queue's depth right after, time), and each get linked to the put it took (paired
// as the Chrome export pairs them: shared/queueMessages). Bounded: the newest MAX_MARKS marks
// and MAX_LINKS links, running totals for the rest.
import type { RunEvent } from '../../../shared/events'
import { QueueMessages } from '../../../shared/queueMessages'
import { appendBounded } from './bounded'

export const MAX_MARKS = 4000
export const MAX_LINKS = 2000
/** Puts remembered for pairing (a queue deeper than this links only its newer messages). */
export const MAX_PENDING_PUTS = 20_000

export interface QueueMark {
  op: 'put' | 'get'
  queue: string
  pid: number
  msg: number
  t: number
  /** The queue's depth right after this put or get. */
  depth: number
}

export interface QueueLink {
  queue: string
  msg: number
  from: number
  to: number
  tPut: number
  tGet: number
}

export interface QueueMarksState {
  marks: readonly QueueMark[]
  links: readonly QueueLink[]
  pending: QueueMessages<{ pid: number; t: number }>
  depth: ReadonlyMap<string, number>
  totals: { puts: number; gets: number }
}

export const emptyQueueMarks: QueueMarksState = {
  marks: [],
  links: [],
  pending: new QueueMessages(),
  depth: new Map(),
  totals: { puts: 0, gets: 0 }
}

export function applyQueueMarks(
  prev: QueueMarksState,
  events: readonly RunEvent[]
): QueueMarksState {
  if (!events.some((e) => e.type === 'queue.put' || e.type === 'queue.get')) {
    // depths still follow, so the next mark says the right one
    if (!events.some((e) => e.type === 'queue.depth')) return prev
  }
  const pending = prev.pending.clone()
  const depth = new Map(prev.depth)
  const marks: QueueMark[] = []
  const links: QueueLink[] = []
  let { puts, gets } = prev.totals
  for (const e of events) {
    switch (e.type) {
      case 'queue.depth':
        depth.set(e.queue, e.depth)
        // the put or get just before this event is the one that made this depth
        if (marks.at(-1)?.queue === e.queue) marks[marks.length - 1]!.depth = e.depth
        break
      case 'queue.put': {
        const d = (depth.get(e.queue) ?? 0) + 1
        depth.set(e.queue, d)
        puts++
        marks.push({ op: 'put', queue: e.queue, pid: e.pid, msg: e.msg, t: e.t, depth: d })
        if (pending.size < MAX_PENDING_PUTS) pending.put(e.queue, e.msg, { pid: e.pid, t: e.t })
        break
      }
      case 'queue.get': {
        const d = Math.max(0, (depth.get(e.queue) ?? 0) - 1)
        depth.set(e.queue, d)
        gets++
        marks.push({ op: 'get', queue: e.queue, pid: e.pid, msg: e.msg, t: e.t, depth: d })
        const put = pending.take(e.queue, e.msg)
        if (put)
          links.push({
            queue: e.queue,
            msg: e.msg,
            from: put.pid,
            to: e.pid,
            tPut: put.t,
            tGet: e.t
          })
        break
      }
      default:
        break
    }
  }
  return {
    marks: appendBounded(prev.marks, marks, MAX_MARKS),
    links: appendBounded(prev.links, links, MAX_LINKS),
    pending,
    depth,
    totals: { puts, gets }
  }
}
