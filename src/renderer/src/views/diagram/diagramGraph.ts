// The diagram as nodes and edges, from a run's state: the host and its processes as their real
// tree (by PPID), each channel as a node joined to the processes that use it, and the recent
// message movements on those joins. Siblings of one role beyond GROUP_AT fold into one group
// node (a pool of 256 workers is one box until the user opens it); opened, they are one
// family node with each member drawn inside it, joined to channels as one (the join counts
// all their messages; a member that moved one just now is marked). Pure: the view lays it out
// and draws it; tests build it from recorded events.
import type { Channel, Move } from '../../store/diagramModel'
import { channelKey } from '../../store/diagramModel'
import type { ProcRow, RunState } from '../../store/runState'
import type { Size } from './diagramLayout'
import { BOX_SIZE, familySize } from './diagramLayout'

/** More siblings of one role than this fold into a group node. */
export const GROUP_AT = 8
/** Movements newer than this (ms of run time before its latest event) are drawn. */
export const ACTIVE_MS = 1500

export const HOST_ID = 'host'

export type DiagramNode =
  | { id: string; kind: 'host'; pid: number | null; cpu: number | null; live: boolean }
  | { id: string; kind: 'proc'; proc: ProcRow }
  | ({ id: string; kind: 'group'; pids: readonly number[] } & Family)
  | ({
      id: string
      kind: 'family'
      procs: readonly ProcRow[]
      /** Members that moved a message in the last ACTIVE_MS. */
      moving: readonly number[]
    } & Family)
  | { id: string; kind: 'channel'; channel: Channel }

/** What a group's box says of its members, folded or opened. */
interface Family {
  role: string
  ppid: number
  running: number
  exited: number
  cpu: number
}

export interface DiagramEdge {
  id: string
  source: string
  target: string
  kind: 'tree' | 'use' | 'pipe' | 'lock'
  /** The lock's holder, or a process waiting on a queue or lock. */
  state?: 'holder' | 'waiting'
  /** Messages that crossed this join in the last ACTIVE_MS, newest first. */
  active?: { count: number; seq: number; reverse: boolean }
}

export interface DiagramGraph {
  nodes: DiagramNode[]
  edges: DiagramEdge[]
}

export const procId = (pid: number): string => `p:${pid}`
export const groupId = (ppid: number, role: string): string => `g:${ppid}:${role}`
export const channelId = (c: Channel): string => `c:${channelKey(c)}`

export function diagramGraph(run: RunState, expanded: ReadonlySet<string>): DiagramGraph {
  const nodes: DiagramNode[] = [
    {
      id: HOST_ID,
      kind: 'host',
      pid: run.hostPid,
      cpu: run.host.cpu,
      live: run.status === 'running' || run.status === 'stopping'
    }
  ]
  const edges: DiagramEdge[] = []
  const procs = [...run.procs.values()].sort((a, b) => a.order - b.order)
  const parentOf = (p: ProcRow): string =>
    p.ppid !== run.hostPid && run.procs.has(p.ppid) ? procId(p.ppid) : HOST_ID

  // siblings by parent and role, in launch order
  const families = new Map<string, ProcRow[]>()
  for (const p of procs) {
    const key = groupId(parentOf(p) === HOST_ID ? (run.hostPid ?? 0) : p.ppid, p.role)
    const list = families.get(key)
    if (list) list.push(p)
    else families.set(key, [p])
  }
  /** Where a PID is drawn: its own node, its group's (folded or opened), or the host. */
  const nodeOf = new Map<number, string>()
  if (run.hostPid !== null) nodeOf.set(run.hostPid, HOST_ID)
  for (const [key, list] of families)
    for (const p of list) nodeOf.set(p.pid, list.length > GROUP_AT ? key : procId(p.pid))
  const since = run.lastT - ACTIVE_MS
  const moved = new Set<number>()
  for (const m of run.diagram.moves) if (m.t >= since) moved.add(m.pid)
  // a grouped process's children hang from its group
  const parentNode = (p: ProcRow): string => nodeOf.get(p.ppid) ?? HOST_ID
  const emitted = new Set<string>()
  for (const p of procs) {
    const id = nodeOf.get(p.pid)!
    if (emitted.has(id)) continue
    emitted.add(id)
    const list = families.get(id)
    if (!list) nodes.push({ id, kind: 'proc', proc: p })
    else {
      const running = list.filter((q) => q.end === null).length
      const family: Family = {
        role: p.role,
        ppid: p.ppid,
        running,
        exited: list.length - running,
        cpu: list.reduce((s, q) => s + (q.cpu ?? 0), 0)
      }
      nodes.push(
        expanded.has(id)
          ? {
              id,
              kind: 'family',
              procs: list,
              moving: list.flatMap((q) => (moved.has(q.pid) ? [q.pid] : [])),
              ...family
            }
          : { id, kind: 'group', pids: list.map((q) => q.pid), ...family }
      )
    }
    edges.push({ id: `t:${id}`, source: parentNode(p), target: id, kind: 'tree' })
  }

  // channels and who uses them; a movement lights up its join
  const recent = new Map<string, Move[]>()
  for (const m of run.diagram.moves) {
    if (m.t < since) continue
    const key = `${m.channel}|${nodeOf.get(m.pid) ?? ''}`
    const list = recent.get(key)
    if (list) list.push(m)
    else recent.set(key, [m])
  }
  const joins = new Map<string, DiagramEdge>()
  const join = (c: Channel, pid: number, kind: DiagramEdge['kind'], out: boolean): void => {
    const node = nodeOf.get(pid)
    if (!node) return
    const cid = channelId(c)
    const id = `u:${cid}|${node}|${out ? 'out' : 'in'}`
    const state =
      c.kind === 'lock' && c.holder === pid
        ? 'holder'
        : c.waiters.includes(pid)
          ? 'waiting'
          : undefined
    const had = joins.get(id)
    if (had) {
      // one join for a group's members: it holds if one of them holds, else waits if one waits
      if (state === 'holder' || (state && !had.state)) had.state = state
      return
    }
    const moves = (recent.get(`${channelKey(c)}|${node}`) ?? []).filter((m) =>
      kind === 'pipe' || kind === 'lock' ? true : (m.dir === 'out') === out
    )
    const active = moves.length
      ? {
          count: moves.reduce((s, m) => s + m.count, 0),
          seq: Math.max(...moves.map((m) => m.seq)),
          // a pipe's join runs from the process to the pipe: a receive travels back along it
          reverse: kind === 'pipe' && moves[moves.length - 1]!.dir === 'out'
        }
      : undefined
    const edge: DiagramEdge = {
      id,
      source: out ? cid : node,
      target: out ? node : cid,
      kind,
      ...(state ? { state } : {}),
      ...(active ? { active } : {})
    }
    joins.set(id, edge)
    edges.push(edge)
  }
  for (const c of run.diagram.channels.values()) {
    nodes.push({ id: channelId(c), kind: 'channel', channel: c })
    switch (c.kind) {
      case 'queue':
        for (const pid of c.writers) join(c, pid, 'use', false)
        for (const pid of c.readers) join(c, pid, 'use', true)
        break
      case 'pool':
        for (const pid of c.readers) join(c, pid, 'use', true)
        break
      case 'pipe':
        for (const pid of c.writers) join(c, pid, 'pipe', false)
        break
      case 'lock':
        for (const pid of c.writers) join(c, pid, 'lock', false)
        break
    }
  }
  return { nodes, edges }
}

/** The PIDs a node stands for (the host's, a process's, a group's members; none for channels). */
export function pidsOf(node: DiagramNode): readonly number[] {
  switch (node.kind) {
    case 'host':
      return node.pid === null ? [] : [node.pid]
    case 'proc':
      return [node.proc.pid]
    case 'group':
      return node.pids
    case 'family':
      return node.procs.map((p) => p.pid)
    case 'channel':
      return []
  }
}

/** A node's box: an opened group's holds its members' grid. */
export function sizeOf(node: DiagramNode): Size {
  return node.kind === 'family' ? familySize(node.procs.length) : BOX_SIZE
}
