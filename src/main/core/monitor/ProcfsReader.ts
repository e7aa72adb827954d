// The Linux fast path: /proc/<pid>/stat, read with fs.readSync at position 0 through a file
// descriptor kept open per process (one pread per process per tick, no path lookup). An open
// descriptor stays bound to its process: once that process is reaped, reads fail with ESRCH
// even if the PID is reused, so a reused PID is never mistaken for the old process.
// RSS comes from stat's field 24, the same page count statm reports, so statm is not read.
import { closeSync, openSync, readSync } from 'node:fs'
import { MS_PER_CLOCK_TICK } from './clockTick'
import type { ProcReader, ProcReading } from './ProcReader'

const CLOSE_PAREN = 0x29
const SPACE = 0x20
const ZOMBIE = 0x5a // 'Z'
const DEAD = 0x58 // 'X'
/** Past the end of `pid (name)`: 7 digits, 2, a name of up to 64 bytes, 1, with room. */
const NAME_END_MAX = 96
/** Fields after the state letter (man 5 proc, stat, minus 3). */
const PPID = 1
const UTIME = 11
const STIME = 12
const RSS = 21

export class ProcfsReader implements ProcReader {
  readonly kind = 'procfs'
  readonly pageSize = pageSize()
  private readonly fds = new Map<number, number>()
  // stat is a few hundred bytes; the command name is at most 64 bytes.
  private readonly buf = Buffer.allocUnsafe(2048)

  read(pids: readonly number[]): Promise<Map<number, ProcReading>> {
    const out = new Map<number, ProcReading>()
    for (const pid of pids) {
      const reading = this.readOne(pid)
      if (reading) out.set(pid, reading)
    }
    return Promise.resolve(out)
  }

  readOne(pid: number): ProcReading | null {
    let fd = this.fds.get(pid)
    try {
      if (fd === undefined) {
        fd = openSync(`/proc/${pid}/stat`, 'r')
        this.fds.set(pid, fd)
      }
      const n = readSync(fd, this.buf, 0, this.buf.length, 0)
      return parseStat(this.buf, n, pid, this.pageSize)
    } catch {
      // ENOENT: never existed or gone before we looked; ESRCH: gone since.
      this.forget(pid)
      return null
    }
  }

  forget(pid: number): void {
    const fd = this.fds.get(pid)
    if (fd === undefined) return
    this.fds.delete(pid)
    try {
      closeSync(fd)
    } catch {
      // already closed
    }
  }

  close(): void {
    for (const pid of [...this.fds.keys()]) this.forget(pid)
  }
}

/** Parses /proc/<pid>/stat from bytes, without building strings. */
export function parseStat(
  buf: Buffer,
  len: number,
  pid: number,
  pageSize: number
): ProcReading | null {
  // The command name may contain spaces and ')': the fields start after the last ')'. The
  // name is at most 64 bytes, so the search starts near the front instead of at the end.
  // A plain loop: Buffer.lastIndexOf is a call into C++, which cost more than this scan.
  let i = Math.min(len - 1, NAME_END_MAX)
  while (i >= 0 && buf[i] !== CLOSE_PAREN) i--
  if (i < 0 || i + 2 >= len) return null
  const state = buf[i + 2]
  let field = 0
  let value = 0
  let ppid = 0
  let utime = 0
  let stime = 0
  for (i += 3; i < len && field < RSS; i++) {
    const c = buf[i]!
    if (c !== SPACE) {
      value = value * 10 + (c - 48)
      continue
    }
    if (field === PPID) ppid = value
    else if (field === UTIME) utime = value
    else if (field === STIME) stime = value
    field++
    value = 0
  }
  if (field !== RSS) return null
  // The loop stopped on the first digit of field RSS.
  for (; i < len && buf[i] !== SPACE; i++) value = value * 10 + (buf[i]! - 48)
  return {
    pid,
    ppid,
    cpuTime: (utime + stime) * MS_PER_CLOCK_TICK,
    rss: value * pageSize,
    alive: state !== ZOMBIE && state !== DEAD
  }
}

/** The kernel's page size, from the first mapping of /proc/self/smaps (4096 if unreadable). */
export function pageSize(): number {
  let fd: number | undefined
  try {
    fd = openSync('/proc/self/smaps', 'r')
    const buf = Buffer.alloc(1024)
    const text = buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0))
    const kb = Number(/KernelPageSize:\s+(\d+) kB/.exec(text)?.[1])
    return kb > 0 ? kb * 1024 : 4096
  } catch {
    return 4096
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
