// What the explorer shows, as pure functions of the snapshots: filter (text, user, mine
// only), sort by any column, tree or flat, CPU summed over a collapsed subtree, rows marked
// for a moment when they appear or end (htop's tombstones), and an order that holds still
// while the pointer is over the list.
import type { SystemProcess } from '../../../../shared/system'

export const COLUMNS = [
  'pid',
  'ppid',
  'user',
  'state',
  'threads',
  'cpu',
  'rss',
  'startedAt',
  'command'
] as const
export type Column = (typeof COLUMNS)[number]
export const NUMERIC_COLUMNS: ReadonlySet<Column> = new Set([
  'pid',
  'ppid',
  'threads',
  'cpu',
  'rss',
  'startedAt'
])
/** How long a row that appeared or ended stays marked (an ended one stays listed). */
export const MARK_MS = 3000

export type Mark = 'new' | 'ended' | null
export interface MarkedProcess extends SystemProcess {
  mark: Mark
}

export interface ExplorerRow extends MarkedProcess {
  depth: number
  hasChildren: boolean
  collapsed: boolean
  /** CPU of the process and every descendant (what a collapsed row shows). */
  subtreeCpu: number | null
}

export interface ViewOptions {
  sort: { column: Column; desc: boolean }
  text: string
  /** Only this user's processes (null: everyone's). */
  user: string | null
  mineOnly: boolean
  hostUid: number | null
  tree: boolean
  collapsed: ReadonlySet<number>
}

/** Remembers when each process was first and last seen, to mark fresh and ended rows. */
export class Tombstones {
  private firstSeen = new Map<number, number>()
  private ended = new Map<number, { proc: SystemProcess; at: number }>()
  private last = new Map<number, SystemProcess>()
  private started = false

  /** The processes of a snapshot taken at `now`, plus those that ended less than MARK_MS ago. */
  apply(procs: readonly SystemProcess[], now: number): MarkedProcess[] {
    const next = new Map(procs.map((p) => [p.pid, p]))
    for (const [pid, p] of this.last) if (!next.has(pid)) this.ended.set(pid, { proc: p, at: now })
    const out: MarkedProcess[] = procs.map((p) => {
      this.ended.delete(p.pid)
      let first = this.firstSeen.get(p.pid)
      if (first === undefined) this.firstSeen.set(p.pid, (first = this.started ? now : -Infinity))
      return { ...p, mark: now - first < MARK_MS ? 'new' : null }
    })
    for (const [pid, e] of this.ended) {
      if (now - e.at >= MARK_MS) {
        this.ended.delete(pid)
        this.firstSeen.delete(pid)
      } else out.push({ ...e.proc, cpu: null, mark: 'ended' })
    }
    this.last = next
    this.started = true
    return out
  }
}

function matches(p: SystemProcess, o: ViewOptions, text: string): boolean {
  if (o.mineOnly && p.uid !== o.hostUid) return false
  if (o.user !== null && p.user !== o.user) return false
  if (!text) return true
  return (
    String(p.pid) === text ||
    p.command.toLowerCase().includes(text) ||
    p.name.toLowerCase().includes(text) ||
    p.user.toLowerCase() === text
  )
}

function compare(column: Column, desc: boolean): (a: SystemProcess, b: SystemProcess) => number {
  const dir = desc ? -1 : 1
  return (a, b) => {
    const x = a[column]
    const y = b[column]
    // missing values last, whatever the direction
    if (x === null || x === undefined) return y === null || y === undefined ? a.pid - b.pid : 1
    if (y === null || y === undefined) return -1
    const c =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return c === 0 ? a.pid - b.pid : c * dir
  }
}

/** The rows to show, in order. */
export function explorerRows(procs: readonly MarkedProcess[], o: ViewOptions): ExplorerRow[] {
  const text = o.text.trim().toLowerCase()
  const cmp = compare(o.sort.column, o.sort.desc)
  if (!o.tree) {
    return procs
      .filter((p) => matches(p, o, text))
      .sort(cmp)
      .map((p) => ({ ...p, depth: 0, hasChildren: false, collapsed: false, subtreeCpu: p.cpu }))
  }
  const byPid = new Map(procs.map((p) => [p.pid, p]))
  const children = new Map<number, MarkedProcess[]>()
  const roots: MarkedProcess[] = []
  for (const p of procs) {
    if (p.ppid !== p.pid && byPid.has(p.ppid)) {
      const list = children.get(p.ppid)
      if (list) list.push(p)
      else children.set(p.ppid, [p])
    } else roots.push(p)
  }
  // Which subtrees hold a match, and their summed CPU (one post-order walk).
  const keep = new Set<number>()
  const sums = new Map<number, number | null>()
  const walk = (p: MarkedProcess): boolean => {
    let any = matches(p, o, text)
    let sum = p.cpu
    for (const c of children.get(p.pid) ?? []) {
      if (walk(c)) any = true
      const s = sums.get(c.pid) ?? null
      if (s !== null) sum = (sum ?? 0) + s
    }
    sums.set(p.pid, sum)
    if (any) keep.add(p.pid)
    return any
  }
  roots.forEach(walk)
  const out: ExplorerRow[] = []
  const visit = (p: MarkedProcess, depth: number): void => {
    const kids = (children.get(p.pid) ?? []).filter((c) => keep.has(c.pid)).sort(cmp)
    const collapsed = o.collapsed.has(p.pid) && kids.length > 0
    out.push({
      ...p,
      depth,
      hasChildren: kids.length > 0,
      collapsed,
      subtreeCpu: sums.get(p.pid) ?? null
    })
    if (!collapsed) kids.forEach((c) => visit(c, depth + 1))
  }
  roots
    .filter((r) => keep.has(r.pid))
    .sort(cmp)
    .forEach((r) => visit(r, 0))
  return out
}

/** `rows` in the order of `previous` (PIDs) as far as it goes; new rows after. Used while the
 *  pointer is over the list, so that no row moves under it. */
export function holdOrder(
  rows: readonly ExplorerRow[],
  previous: readonly number[]
): ExplorerRow[] {
  const at = new Map(previous.map((pid, i) => [pid, i]))
  return [...rows].sort((a, b) => (at.get(a.pid) ?? Infinity) - (at.get(b.pid) ?? Infinity))
}

/** The PID and every descendant of it among `procs` (what a subtree signal hits). */
export function subtreeOf(pid: number, procs: readonly SystemProcess[]): SystemProcess[] {
  const children = new Map<number, SystemProcess[]>()
  for (const p of procs)
    if (p.pid !== p.ppid) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p])
  const self = procs.find((p) => p.pid === pid)
  const out: SystemProcess[] = self ? [self] : []
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!.pid) ?? []))
  return out
}

/** Rolling CPU and RSS per process for the details pane's sparklines (the last 60 s). */
export class History {
  readonly series = new Map<number, { cpu: (number | null)[]; rss: (number | null)[] }>()
  constructor(readonly length = 60) {}

  add(procs: readonly SystemProcess[]): void {
    const live = new Set<number>()
    for (const p of procs) {
      live.add(p.pid)
      let s = this.series.get(p.pid)
      if (!s) this.series.set(p.pid, (s = { cpu: [], rss: [] }))
      s.cpu.push(p.cpu)
      s.rss.push(p.rss)
      if (s.cpu.length > this.length) {
        s.cpu.shift()
        s.rss.shift()
      }
    }
    for (const pid of this.series.keys()) if (!live.has(pid)) this.series.delete(pid)
  }
}
