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
  private readonly fds = new Map<number, number>()
  private readonly buf = Buffer.allocUnsafe(4096)
  private statFd = openSync('/proc/stat', 'r')
  private readonly line = newStatLine()
  pids: number[] = []

  constructor(private readonly parse = false) {}

  tick(): void {
    const pids: number[] = []
    for (const entry of readdirSync('/proc')) {
      const c = entry.charCodeAt(0)
      if (c < 48 || c > 57) continue
      const pid = Number(entry)
      let fd = this.fds.get(pid)
      try {
        if (fd === undefined) {
          this.fds.set(pid, (fd = openSync(`/proc/${pid}/stat`, 'r')))
          this.firstSight(pid)
        }
        const n = readSync(fd, this.buf, 0, this.buf.length, 0)
        if (this.parse) parseStatLine(this.buf, n, this.line, STAT.rss + 1)
        pids.push(pid)
      } catch {
        this.drop(pid)
      }
    }
    readSync(this.statFd, this.buf, 0, this.buf.length, 0)
    const seen = new Set(pids)
    for (const pid of this.fds.keys()) if (!seen.has(pid)) this.drop(pid)
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
    const fd = this.fds.get(pid)
    this.fds.delete(pid)
    if (fd !== undefined) closeSync(fd)
  }
}
