// What the views show of one run, built by applying its events in order. Bounded: the console
// keeps the last MAX_CONSOLE lines, so a long run costs no more memory than a short one.
import type { ErrorInfo, RunEvent, RunStatus, Verdict } from '../../../shared/events'

export const MAX_CONSOLE = 5000

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
}

export interface ConsoleLine {
  key: number
  t: number
  pid: number
  stream: 'stdout' | 'stderr'
  text: string
}

export interface RunState {
  id: string
  scenario: string
  status: RunStatus
  hostPid: number | null
  procs: ReadonlyMap<number, ProcRow>
  console: readonly ConsoleLine[]
  consoleCount: number
  verdict: Verdict | null
  result: unknown
  error: ErrorInfo | null
  lastT: number
  dropped: number
}

export function emptyRun(id: string, scenario = ''): RunState {
  return {
    id,
    scenario,
    status: 'running',
    hostPid: null,
    procs: new Map(),
    console: [],
    consoleCount: 0,
    verdict: null,
    result: null,
    error: null,
    lastT: 0,
    dropped: 0
  }
}

/** Applies a batch of events; returns a new state (the old one is left as it was). */
export function applyEvents(prev: RunState, events: readonly RunEvent[], dropped = 0): RunState {
  const procs = new Map(prev.procs)
  const lines: ConsoleLine[] = []
  let next: RunState = { ...prev, dropped: prev.dropped + dropped }
  let count = prev.consoleCount
  for (const e of events) {
    next.lastT = Math.max(next.lastT, e.t)
    switch (e.type) {
      case 'run.start':
        next = { ...next, scenario: e.scenario, hostPid: e.hostPid, status: 'running' }
        break
      case 'proc.spawn':
        procs.set(e.pid, {
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
          rss: null
        })
        break
      case 'proc.ready':
        update(procs, e.pid, (p) => ({ ...p, state: p.state === 'starting' ? 'running' : p.state }))
        break
      case 'proc.exit':
        update(procs, e.pid, (p) => ({
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
        lines.push({ key: count++, t: e.t, pid: e.pid, stream: e.type, text: e.text })
        break
      case 'sample':
        for (const s of e.procs) update(procs, s.pid, (p) => ({ ...p, cpu: s.cpu, rss: s.rss }))
        break
      case 'run.end':
        next = {
          ...next,
          status: e.status,
          verdict: e.verdict,
          result: e.result,
          error: e.error ?? null
        }
        break
      default:
        break
    }
  }
  const console =
    lines.length === 0 ? prev.console : [...prev.console, ...lines].slice(-MAX_CONSOLE)
  return { ...next, procs, console, consoleCount: count }
}

function update(procs: Map<number, ProcRow>, pid: number, f: (p: ProcRow) => ProcRow): void {
  const p = procs.get(pid)
  if (p) procs.set(pid, f(p))
}
