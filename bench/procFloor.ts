// The bare floor of a whole-machine /proc sampler: list /proc, pread each process's stat
// through a descriptor kept open for it, read /proc/stat; and, as the sampler does for a
// process it sees for the first time, read its command line and its owner (a stat of its
// directory). Nothing parsed, nothing kept but the descriptors and the PIDs listed. With
// `parse`, each stat line is also parsed into numbers as the sampler parses it (statLine):
// the least that any reader of these fields does.
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs'
import { STAT, newStatLine, parseStatLine } from '../src/main/core/explorer/statLine'

/** The PIDs of the machine now (the names under /proc that are numbers). */
export function machinePids(): number[] {
  return readdirSync('/proc')
    .filter((e) => e.charCodeAt(0) >= 48 && e.charCodeAt(0) <= 57)
    .map(Number)
}

export class ProcFloor {
  /** Each process's kept stat descriptor, and the tick that last listed it. */
  private readonly fds = new Map<number, { fd: number; tick: number }>()
  private ticks = 0
  private readonly buf = Buffer.allocUnsafe(4096)
  private statFd = openSync('/proc/stat', 'r')
  private readonly line = newStatLine()
  pids: number[] = []

  constructor(private readonly parse = false) {}

  tick(): void {
    const pids: number[] = []
    const tick = ++this.ticks
    for (const entry of readdirSync('/proc')) {
      const c = entry.charCodeAt(0)
      if (c < 48 || c > 57) continue
      const pid = Number(entry)
      let kept = this.fds.get(pid)
      try {
        if (kept === undefined) {
          this.fds.set(pid, (kept = { fd: openSync(`/proc/${pid}/stat`, 'r'), tick }))
          this.firstSight(pid)
        }
        const n = readSync(kept.fd, this.buf, 0, this.buf.length, 0)
        if (this.parse) parseStatLine(this.buf, n, this.line, STAT.rss + 1)
        kept.tick = tick
        pids.push(pid)
      } catch {
        this.drop(pid)
      }
    }
    readSync(this.statFd, this.buf, 0, this.buf.length, 0)
    // ended processes found as the sampler finds them: a sweep only when some went unlisted
    // (a Set of the PIDs each tick, as before, made the floor slower than the sampler)
    if (pids.length < this.fds.size)
      this.fds.forEach((kept, pid) => {
        if (kept.tick !== tick) this.drop(pid)
      })
    this.pids = pids
  }

  close(): void {
    for (const pid of [...this.fds.keys()]) this.drop(pid)
    closeSync(this.statFd)
  }

  private firstSight(pid: number): void {
    const fd = openSync(`/proc/${pid}/cmdline`, 'r')
    try {
      readSync(fd, this.buf, 0, this.buf.length, 0)
    } finally {
      closeSync(fd)
    }
    statSync(`/proc/${pid}`)
  }

  private drop(pid: number): void {
    const kept = this.fds.get(pid)
    this.fds.delete(pid)
    if (kept !== undefined) closeSync(kept.fd)
  }
}
