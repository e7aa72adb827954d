// Pure geometry for the timeline: lanes (host, then processes in launch order), the visible
// time window, and spans reduced to what the pixels can show (spans closer than a pixel merge,
// spans outside the window are dropped), so drawing costs O(width), not O(events).
import type { RunState } from '../../store/runState'
import type { Arrow, Span, SpanKind, Tick } from '../../store/timelineModel'
import { HOST_COLOR, procColor } from '../../theme/colorMap'

export interface Lane {
  pid: number
  label: string
  color: string
  start: number
  end: number
  ended: boolean
  /** How the process ended, e.g. "exit 0" or "SIGKILL". */
  exitText: string
}

export interface Window {
  start: number
  end: number
}

export interface Rect {
  kind: SpanKind
  x: number
  w: number
  failed: boolean
  /** How many spans this rectangle stands for (several when they merged). */
  count: number
  label: string
}

export function lanesOf(run: RunState, hostLabel: string): Lane[] {
  const lanes: Lane[] = []
  if (run.hostPid !== null) {
    lanes.push({
      pid: run.hostPid,
      label: `${run.hostPid} ${hostLabel}`,
      color: HOST_COLOR,
      start: 0,
      end: run.lastT,
      ended: false,
      exitText: ''
    })
  }
  for (const p of [...run.procs.values()].sort((a, b) => a.order - b.order)) {
    lanes.push({
      pid: p.pid,
      label: `${p.pid} ${p.name}`,
      color: procColor(p.order),
      start: p.start,
      end: p.end ?? run.lastT,
      ended: p.end !== null,
      exitText: p.signal ?? (p.code === null ? '' : `exit ${p.code}`)
    })
  }
  return lanes
}

/** Zooms `w` by `factor` (< 1 = in) around time `at`, inside [0, max]. */
export function zoom(w: Window, factor: number, at: number, max: number): Window {
  const span = Math.min(Math.max((w.end - w.start) * factor, 0.05), Math.max(max, 0.05))
  const ratio = w.end > w.start ? (at - w.start) / (w.end - w.start) : 0.5
  return clampWindow({ start: at - span * ratio, end: at - span * ratio + span }, max)
}

export function pan(w: Window, by: number, max: number): Window {
  return clampWindow({ start: w.start + by, end: w.end + by }, max)
}

function clampWindow(w: Window, max: number): Window {
  const span = w.end - w.start
  let start = Math.max(0, Math.min(w.start, Math.max(0, max - span)))
  if (!Number.isFinite(start)) start = 0
  return { start, end: start + span }
}

/**
 * Per lane, the spans as pixel rectangles: clipped to the window; a span narrower than 3 px
 * merges with a neighbour of its kind less than a pixel away.
 */
export function laneRects(
  spans: readonly Span[],
  open: readonly Omit<Span, 'end'>[],
  now: number,
  w: Window,
  width: number
): Map<number, Rect[]> {
  const scale = width / Math.max(w.end - w.start, 1e-6)
  const all: Span[] = [...spans, ...open.map((s) => ({ ...s, end: now }))]
  all.sort((a, b) => a.start - b.start)
  const out = new Map<number, Rect[]>()
  const lastOf = new Map<string, Rect>()
  for (const s of all) {
    if (s.end < w.start || s.start > w.end) continue
    const x0 = (Math.max(s.start, w.start) - w.start) * scale
    const x1 = (Math.min(s.end, w.end) - w.start) * scale
    const key = `${s.pid}:${s.kind}`
    const last = lastOf.get(key)
    // Merge only what is too small to tell apart; wide neighbours stay separate bars.
    if (last && x0 - (last.x + last.w) < 1 && (last.w < 3 || x1 - x0 < 3)) {
      last.w = Math.max(last.w, x1 - last.x)
      last.count++
      last.failed ||= !!s.failed
      continue
    }
    const rect: Rect = {
      kind: s.kind,
      x: x0,
      w: Math.max(x1 - x0, 1),
      failed: !!s.failed,
      count: 1,
      label: s.label
    }
    lastOf.set(key, rect)
    const list = out.get(s.pid) ?? []
    list.push(rect)
    out.set(s.pid, list)
  }
  return out
}

/** Tick marks for a time axis: round steps, about one per 100 px. */
export function timeTicks(w: Window, width: number): number[] {
  const target = Math.max(2, Math.floor(width / 100))
  const raw = (w.end - w.start) / target
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10
  const ticks: number[] = []
  for (let v = Math.ceil(w.start / step) * step; v <= w.end; v += step) ticks.push(v)
  return ticks
}

/**
 * Per lane, the pixel columns (from the plot's left edge) that have at least one output write
 * in the window: thousands of writes a second draw as at most one mark per column.
 */
export function tickColumns(
  ticks: readonly Tick[],
  w: Window,
  width: number
): Map<number, number[]> {
  const scale = width / Math.max(w.end - w.start, 1e-6)
  const seen = new Map<number, Set<number>>()
  for (const k of ticks) {
    if (k.t < w.start || k.t > w.end) continue
    let cols = seen.get(k.pid)
    if (!cols) seen.set(k.pid, (cols = new Set()))
    cols.add(Math.round((k.t - w.start) * scale))
  }
  return new Map([...seen].map(([pid, cols]) => [pid, [...cols].sort((a, b) => a - b)]))
}

export interface ArrowLine {
  pipe: string
  from: number
  to: number
  /** Pixels from the plot's left edge. */
  x1: number
  x2: number
  /** Messages and bytes of the arrows drawn as this one line. */
  count: number
  bytes: number
}

/**
 * The pipe arrows with an end in the window, as pixel lines; arrows that would be drawn on the
 * same pixels (same lanes, same columns) become one line that counts their messages.
 */
export function arrowLines(arrows: readonly Arrow[], w: Window, width: number): ArrowLine[] {
  const scale = width / Math.max(w.end - w.start, 1e-6)
  const inside = (t: number): boolean => t >= w.start && t <= w.end
  const lines = new Map<string, ArrowLine>()
  for (const a of arrows) {
    if (!inside(a.tSend) && !inside(a.tRecv)) continue
    const x1 = (a.tSend - w.start) * scale
    const x2 = (a.tRecv - w.start) * scale
    const key = `${a.pipe}:${a.from}:${a.to}:${Math.round(x1)}:${Math.round(x2)}`
    const line = lines.get(key)
    if (line) {
      line.count += a.count
      line.bytes += a.bytes
    } else
      lines.set(key, {
        pipe: a.pipe,
        from: a.from,
        to: a.to,
        x1,
        x2,
        count: a.count,
        bytes: a.bytes
      })
  }
  return [...lines.values()]
}
