// The process table's rows: the run's children in tree order (each under its parent, in launch
// order), with their depth for indentation and one lower-case text to filter on.
import type { ProcRow } from '../../store/runState'

export interface TableRow extends ProcRow {
  depth: number
  /** The row's visible text, lower case: what the filter box matches. */
  search: string
}

export function treeRows(
  procs: ReadonlyMap<number, ProcRow>,
  hostPid: number | null,
  stateText: (p: ProcRow) => string
): TableRow[] {
  const children = new Map<number, ProcRow[]>()
  for (const p of procs.values()) {
    const list = children.get(p.ppid) ?? []
    list.push(p)
    children.set(p.ppid, list)
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order)
  const out: TableRow[] = []
  const seen = new Set<number>()
  const visit = (p: ProcRow, depth: number): void => {
    if (seen.has(p.pid)) return
    seen.add(p.pid)
    const search = `${p.pid} ${p.ppid} ${p.name} ${p.role} ${stateText(p)}`.toLowerCase()
    out.push({ ...p, depth, search })
    for (const c of children.get(p.pid) ?? []) visit(c, depth + 1)
  }
  for (const c of children.get(hostPid ?? -1) ?? []) visit(c, 0)
  // Processes whose parent is not in the run (a worker's grandchild seen first, say).
  for (const p of [...procs.values()].sort((a, b) => a.order - b.order)) visit(p, 0)
  return out
}
