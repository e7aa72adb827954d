// What the views show of one run, built by applying its events in order. Every collection is
// bounded (see consoleModel, seriesModel, timelineModel), so a long run costs no more memory
// than a short one. States are immutable: a replay can keep the state at an earlier time.
import type { ErrorInfo, RunEvent, RunStatus, Verdict } from '../../../shared/events'
import type { ConsoleState, Stream } from './consoleModel'
import { appendOutput, emptyConsole } from './consoleModel'
import type { DiagramState } from './diagramModel'
import { applyDiagram, emptyDiagram } from './diagramModel'
import type { QueueMarksState } from './queueMarks'
import { applyQueueMarks, emptyQueueMarks } from './queueMarks'
import type { SeriesState } from './seriesModel'
import { applySeries, emptySeries } from './seriesModel'
import type { TimelineState } from './timelineModel'
import { applyTimeline, emptyTimeline } from './timelineModel'
import { assertNever } from '../../../shared/assertNever'

export { MAX_CONSOLE } from './consoleModel'
export type { ConsoleLine, Segment } from './consoleModel'

export type ProcState = 'starting' | 'running' | 'exited' | 'killed'

export interface ProcRow {
  pid: number
  ppid: number
  name: string
  role: string
  state: ProcState
  code: number | null
  signal: string | null
  start: number
  end: number | null
  cpu: number | null
  rss: number | null
  /** Launch order within the run (0 = first child): picks the process's colour. */
  order: number
}

export interface RunState {
  id: string
  scenario: string
  params: Record<string, unknown>
  status: RunStatus
  hostPid: number | null
  host: { cpu: number | null; rss: number | null; ppid: number | null }
  procs: ReadonlyMap<number, ProcRow>
  console: ConsoleState
  series: SeriesState
  timeline: TimelineState
  diagram: DiagramState
  /** Queue puts and gets for the timeline, each get linked to its put. */
  queueMarks: QueueMarksState
  verdict: Verdict | null
  result: unknown
  error: ErrorInfo | null
  /** Time of the newest event applied (ms since the run started). */
  lastT: number
  events: number
  dropped: number
  /** What the run says about itself on screen (log events with a topic). */
  notices: RunNotices
}

export interface RunNotices {
  /** Processes whose events the shim merges past its budget (in order, at most MAX_NOTED). */
  coalesced: readonly number[]
  /** No process reported through the shim: tree and CPU from /proc only. */
  uninstrumented: boolean
}

const MAX_NOTED = 64
const noNotices: RunNotices = { coalesced: [], uninstrumented: false }

function applyNotice(n: RunNotices, e: Extract<RunEvent, { type: 'log' }>): RunNotices {
  if (e.topic === 'uninstrumented') return n.uninstrumented ? n : { ...n, uninstrumented: true }
  if (e.topic !== 'coalesced') return n
  const pid = Number(/^pid (\d+)/.exec(e.text)?.[1] ?? 0)
  if (n.coalesced.includes(pid) || n.coalesced.length >= MAX_NOTED) return n
  return { ...n, coalesced: [...n.coalesced, pid] }
}

export function emptyRun(id: string, scenario = ''): RunState {
  return {
    id,
    scenario,
    params: {},
    status: 'running',
    hostPid: null,
    host: { cpu: null, rss: null, ppid: null },
    procs: new Map(),
    console: emptyConsole,
    series: emptySeries,
    timeline: emptyTimeline,
    diagram: emptyDiagram,
    queueMarks: emptyQueueMarks,
    verdict: null,
    result: null,
    error: null,
    lastT: 0,
    events: 0,
    dropped: 0,
    notices: noNotices
  }
}

/** Applies a batch of events; returns a new state (the old one is left as it was). */
export function applyEvents(prev: RunState, events: readonly RunEvent[], dropped = 0): RunState {
  let procs: Map<number, ProcRow> | null = null
  const mutableProcs = (): Map<number, ProcRow> => (procs ??= new Map(prev.procs))
  const chunks: { t: number; pid: number; stream: Stream; text: string }[] = []
  let next: RunState = {
    ...prev,
    dropped: prev.dropped + dropped,
    events: prev.events + events.length
  }
  for (const e of events) {
    if (e.t > next.lastT) next.lastT = e.t
    switch (e.type) {
      case 'run.start':
        next = {
          ...next,
          scenario: e.scenario,
          params: e.params,
          hostPid: e.hostPid,
          status: 'running'
        }
        break
      case 'proc.spawn': {
        const map = mutableProcs()
        map.set(e.pid, {
          pid: e.pid,
          ppid: e.ppid,
          name: e.name,
          role: e.role,
          state: 'starting',
          code: null,
          signal: null,
          start: e.t,
          end: null,
          cpu: null,
          rss: null,
          order: map.get(e.pid)?.order ?? map.size
        })
        break
      }
      case 'proc.ready':
        update(mutableProcs(), e.pid, (p) =>
          p.state === 'starting' ? { ...p, state: 'running' } : p
        )
        break
      case 'proc.exit':
        update(mutableProcs(), e.pid, (p) => ({
          ...p,
          state: e.signal ? 'killed' : 'exited',
          code: e.code,
          signal: e.signal,
          end: e.t,
          cpu: null
        }))
        break
      case 'stdout':
      case 'stderr':
        chunks.push({ t: e.t, pid: e.pid, stream: e.type, text: e.text })
        break
      case 'sample': {
        const map = mutableProcs()
        for (const s of e.procs) {
          if (s.pid === next.hostPid)
            next = { ...next, host: { cpu: s.cpu, rss: s.rss, ppid: s.ppid ?? next.host.ppid } }
          else update(map, s.pid, (p) => (p.end === null ? { ...p, cpu: s.cpu, rss: s.rss } : p))
        }
        break
      }
      case 'run.end':
        next = {
          ...next,
          status: e.status,
          verdict: e.verdict,
          result: e.result,
          error: e.error ?? null
        }
        break
      case 'queue.depth':
      case 'queue.put':
      case 'queue.get':
      case 'queue.wait':
      case 'queue.timeout':
      case 'task.queued':
      case 'task.start':
      case 'task.end':
      case 'lock.wait':
      case 'lock.acquire':
      case 'lock.release':
      case 'lock.timeout':
      case 'pipe.send':
      case 'pipe.recv':
      case 'pipe.close':
        break
      case 'log':
        if (e.topic) next = { ...next, notices: applyNotice(next.notices, e) }
        break
      default:
        assertNever(e, 'event')
    }
  }
  return {
    ...next,
    procs: procs ?? prev.procs,
    console: appendOutput(prev.console, chunks),
    series: applySeries(prev.series, events, next.hostPid),
    timeline: applyTimeline(prev.timeline, events),
    diagram: applyDiagram(prev.diagram, events),
    queueMarks: applyQueueMarks(prev.queueMarks, events)
  }
}

function update(procs: Map<number, ProcRow>, pid: number, f: (p: ProcRow) => ProcRow): void {
  const p = procs.get(pid)
  if (p) procs.set(pid, f(p))
}

export function isLive(status: RunStatus): boolean {
  return status === 'running' || status === 'stopping'
}
