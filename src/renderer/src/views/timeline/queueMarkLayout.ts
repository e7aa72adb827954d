// Queue puts and gets reduced to the pixels: per lane, operation and pixel column one mark
// (counting the messages it stands for, describing the newest), so a run of 100,000 messages
// draws at most a mark per column.
import type { QueueMark } from '../../store/queueMarks'
import type { Window } from './timelineLayout'

export interface MarkColumn {
  pid: number
  op: QueueMark['op']
  x: number
  count: number
  /** The newest mark in this column. */
  last: QueueMark
}

export function markColumns(marks: readonly QueueMark[], w: Window, width: number): MarkColumn[] {
  const scale = width / Math.max(w.end - w.start, 1e-6)
  const cols = new Map<string, MarkColumn>()
  for (const m of marks) {
    if (m.t < w.start || m.t > w.end) continue
    const x = Math.round((m.t - w.start) * scale)
    const key = `${m.pid}:${m.op}:${x}`
    const c = cols.get(key)
    if (c) {
      c.count++
      c.last = m
    } else cols.set(key, { pid: m.pid, op: m.op, x, count: 1, last: m })
  }
  return [...cols.values()]
}
