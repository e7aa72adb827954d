// Finds what happens in a process tree that PoolScope did not start: which processes appear
// under it and which end. Each poll reads /proc/<pid>/task/<tid>/children of the tree's live
// members (cheap: a few small files, so it can run at 50 Hz and catch short-lived children);
// without those files (a kernel built without CONFIG_PROC_CHILDREN) it scans all of /proc.
// A member that is a zombie gives its exit status; one reaped before we looked, none.
import { readFileSync, readdirSync } from 'node:fs'
import { readable } from '../monitor/readable'
import { ProcfsSystemReader } from './ProcfsSystemReader'
import type { SystemReading } from './SystemReader'

export interface TreeSpawn {
  pid: number
  ppid: number
  name: string
  command: string
}

export interface TreeExit {
  pid: number
  code: number | null
  signal: number | null
}

export interface TreeChanges {
  spawned: TreeSpawn[]
  exited: TreeExit[]
}

export class TreeWatcher {
  /** Live members of the tree, root first, with their start times (a reused PID is not one). */
  readonly live = new Map<number, number | null>()
  private readonly reader: ProcfsSystemReader
  private readonly byChildrenFiles: boolean

  constructor(
    readonly root: number,
    opts: { reader?: ProcfsSystemReader; childrenFiles?: boolean } = {}
  ) {
    this.reader = opts.reader ?? new ProcfsSystemReader()
    this.byChildrenFiles =
      opts.childrenFiles ?? readable(`/proc/${process.pid}/task/${process.pid}/children`)
  }

  /** The root and every descendant alive now; null if the root is gone. */
  start(): TreeSpawn[] | null {
    const root = this.reader.readOne(this.root)
    if (!root || root.state === 'Z') return null
    this.live.set(this.root, root.startedAt)
    return [spawnOf(root), ...this.poll().spawned]
  }

  poll(): TreeChanges {
    const spawned = this.byChildrenFiles ? this.newByChildren() : this.newByScan()
    const exited: TreeExit[] = []
    for (const [pid, startedAt] of this.live) {
      const r = this.reader.readOne(pid)
      if (r && r.startedAt !== startedAt) {
        exited.push({ pid, code: null, signal: null }) // reaped, and its PID taken again
        continue
      }
      if (r && r.state !== 'Z') continue
      const status = r ? this.reader.exitStatus(pid) : null
      exited.push({ pid, code: status?.code ?? null, signal: status?.signal ?? null })
    }
    for (const e of exited) this.live.delete(e.pid)
    // Found in one poll, their order is unknown: children (added after their parents) first.
    return { spawned, exited: exited.reverse() }
  }

  close(): void {
    this.live.clear()
    this.reader.close()
  }

  private newByChildren(): TreeSpawn[] {
    const found: TreeSpawn[] = []
    // New members are appended to the set while iterating, so their children are found too.
    for (const pid of this.live.keys()) {
      for (const child of childrenOf(pid)) {
        if (this.live.has(child)) continue
        const r = this.reader.readOne(child)
        if (!r) continue
        this.live.set(child, r.startedAt)
        found.push(spawnOf(r))
      }
    }
    return found
  }

  private newByScan(): TreeSpawn[] {
    const all = new Map<number, SystemReading>()
    for (const r of readdirSync('/proc')) {
      if (!/^\d+$/.test(r) || this.live.has(Number(r))) continue
      const reading = this.reader.readOne(Number(r))
      if (reading) all.set(reading.pid, reading)
    }
    const found: TreeSpawn[] = []
    for (let grew = true; grew;) {
      grew = false
      for (const [pid, r] of all) {
        if (!this.live.has(r.ppid)) continue
        this.live.set(pid, r.startedAt)
        all.delete(pid)
        found.push(spawnOf(r))
        grew = true
      }
    }
    return found
  }
}

/** Children of every thread of `pid` (a thread that forked is their parent). */
function childrenOf(pid: number): number[] {
  const out: number[] = []
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'latin1')
      for (const part of text.split(' ')) if (part) out.push(Number(part))
    }
  } catch {
    // gone meanwhile: its exit is found by the stat read
  }
  return out
}

function spawnOf(r: SystemReading): TreeSpawn {
  return { pid: r.pid, ppid: r.ppid, name: r.name, command: r.command }
}
