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
  const children = new Map<number, TreeProc[]>()
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  for (const name of names) {
    const c = name.charCodeAt(0)
    if (c < 48 || c > 57) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1')
    } catch {
      continue // gone meanwhile
    }
    const close = stat.lastIndexOf(')')
    const fields = stat.slice(close + 2).split(' ')
    const proc = {
      pid: Number(name),
      ppid: Number(fields[1]),
      comm: stat.slice(stat.indexOf('(') + 1, close),
      state: fields[0] ?? '?'
    }
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
