// The processes under one PID, read from /proc (every /proc/<pid>/stat: this kernel has no
// /proc/<pid>/task/<tid>/children). Catches what the shim cannot report: a `sleep`, a `sh`.
import { readdirSync, readFileSync } from 'node:fs'

export interface TreeProc {
  pid: number
  ppid: number
  /** The command name (/proc/<pid>/stat's second field). */
  comm: string
  /** 'R', 'S', 'Z', … */
  state: string
}

/** Every process below `root` (not `root` itself), parents before their children. */
export function processTree(root: number): TreeProc[] {
  const procs: TreeProc[] = []
  for (const pid of procPids()) {
    const proc = readStat(pid)
    if (proc) procs.push(proc)
  }
  return descendants(root, procs)
}

function readStat(pid: number): TreeProc | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
  } catch {
    return undefined // gone meanwhile
  }
  const close = stat.lastIndexOf(')')
  const fields = stat.slice(close + 2).split(' ')
  return {
    pid,
    ppid: Number(fields[1]),
    comm: stat.slice(stat.indexOf('(') + 1, close),
    state: fields[0] ?? '?'
  }
}

/** Those of `procs` below `root`, parents before their children. */
function descendants(root: number, procs: Iterable<TreeProc>): TreeProc[] {
  const children = new Map<number, TreeProc[]>()
  for (const proc of procs) {
    const siblings = children.get(proc.ppid)
    if (siblings) siblings.push(proc)
    else children.set(proc.ppid, [proc])
  }
  const out: TreeProc[] = []
  const todo = [root]
  while (todo.length) {
    for (const p of children.get(todo.shift()!) ?? []) {
      out.push(p)
      todo.push(p.pid)
    }
  }
  return out
}

/** The processes under one PID, looked at again and again (a watched run's scan): the stat file
 *  is read only for processes not yet known to be outside the tree. A process outside stays
 *  outside (an orphan is re-parented to the subreaper above it or to init, never into another
 *  tree), and every process running before the tree's root was started is outside: on a busy
 *  machine (~1,000 processes) a whole-/proc read costs 50–170 ms of CPU, this a few. */
export class TreeScanner {
  private readonly outside = new Set<number>()
  /** How many stat files the last scan read. */
  reads = 0

  /** Made before the root is started: what runs now is outside its tree. */
  constructor() {
    for (const pid of procPids()) this.outside.add(pid)
  }

  /** Every process below `root` (not `root` itself), parents before their children. */
  scan(root: number): TreeProc[] {
    const present = new Set<number>()
    const read = new Map<number, TreeProc>()
    this.reads = 0
    for (const pid of procPids()) {
      present.add(pid)
      if (this.outside.has(pid) || pid === root) continue
      const proc = readStat(pid)
      this.reads++
      if (proc) read.set(pid, proc)
    }
    for (const pid of this.outside) if (!present.has(pid)) this.outside.delete(pid)
    const out = descendants(root, read.values())
    const inside = new Set(out.map((p) => p.pid))
    // A process is outside once its parent is (decided in rounds: a parent may come later in
    // /proc's order). One whose parent just vanished is looked at again next time.
    for (let changed = true; changed;) {
      changed = false
      for (const [pid, p] of read) {
        if (inside.has(pid)) continue
        if (p.ppid <= 1 || this.outside.has(p.ppid)) {
          this.outside.add(pid)
          read.delete(pid)
          changed = true
        }
      }
    }
    return out
  }
}

function procPids(): number[] {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  const out: number[] = []
  for (const name of names) {
    const c = name.charCodeAt(0)
    if (c >= 48 && c <= 57) out.push(Number(name))
  }
  return out
}
