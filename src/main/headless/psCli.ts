// `poolscope ps [--json] [--tree]`: the machine's processes, once. Two readings a quarter of
// a second apart, so CPU is the current % of one core (as top shows it), not a lifetime mean.
import type { Command } from 'commander'
import type { SystemProcess } from '../../shared/system'
import { SystemSampler } from '../core/explorer/SystemSampler'

const CPU_WINDOW_MS = 250

export interface PsRow extends SystemProcess {
  /** Depth in the tree (0 for a root) with --tree. */
  depth?: number
}

/** Parents before children, siblings by PID; a process whose parent is not listed is a root. */
export function treeOrder(procs: readonly SystemProcess[]): PsRow[] {
  const pids = new Set(procs.map((p) => p.pid))
  const children = new Map<number, SystemProcess[]>()
  const roots: SystemProcess[] = []
  for (const p of [...procs].sort((a, b) => a.pid - b.pid)) {
    if (p.ppid === p.pid || !pids.has(p.ppid)) roots.push(p)
    else children.set(p.ppid, [...(children.get(p.ppid) ?? []), p])
  }
  const out: PsRow[] = []
  const visit = (p: SystemProcess, depth: number): void => {
    out.push({ ...p, depth })
    for (const c of children.get(p.pid) ?? []) visit(c, depth + 1)
  }
  roots.forEach((r) => visit(r, 0))
  return out
}

export function formatPsLine(p: PsRow): string {
  const cpu = p.cpu === null ? '-' : p.cpu.toFixed(1)
  const rss = p.rss === null ? '-' : String(Math.round(p.rss / 1024))
  const start = p.startedAt === null ? '-' : new Date(p.startedAt).toISOString().slice(11, 19)
  const indent = p.depth ? '  '.repeat(p.depth - 1) + '└ ' : ''
  const why = p.unreadable ? `  (${p.unreadable})` : ''
  return [
    String(p.pid).padStart(7),
    String(p.ppid).padStart(7),
    p.user.slice(0, 10).padEnd(10),
    p.state,
    String(p.threads ?? '-').padStart(4),
    cpu.padStart(6),
    rss.padStart(9),
    start,
    indent + p.command + why
  ].join(' ')
}

export const PS_HEADER = '    PID    PPID USER       S  THR   CPU%   RSS(KiB) START    COMMAND'

export async function psLines(opts: { json?: boolean; tree?: boolean }): Promise<string[]> {
  const sampler = new SystemSampler()
  try {
    await sampler.tickNow()
    await new Promise((r) => setTimeout(r, CPU_WINDOW_MS))
    const snap = await sampler.tickNow()
    const rows: PsRow[] = opts.tree ? treeOrder(snap.procs) : snap.procs
    if (opts.json) return rows.map((r) => JSON.stringify(r))
    return [PS_HEADER, ...rows.map(formatPsLine)]
  } finally {
    sampler.close()
  }
}

export function registerPs(program: Command, io: { out: NodeJS.WritableStream }): void {
  program
    .command('ps')
    .description("print the machine's processes once (CPU % of one core over 0.25 s)")
    .option('--json', 'one JSON object per process')
    .option('--tree', 'parents before their children, indented')
    .action(async (opts: { json?: boolean; tree?: boolean }) => {
      for (const line of await psLines(opts)) io.out.write(line + '\n')
    })
}
