// Running totals of each core's busy and total time (ms), from os.cpus() everywhere or, on
// Linux, from /proc/stat through a descriptor kept open: os.cpus() also reads every core's
// model and frequency, several files per call, which costs more than the rest of a tick.
import { closeSync, openSync, readSync } from 'node:fs'
import { cpus } from 'node:os'
import { MS_PER_CLOCK_TICK } from './clockTick'
import { readable } from './readable'

export interface CoreTime {
  busy: number
  total: number
}

export interface CoreSource {
  read(): CoreTime[]
  close(): void
}

/** Portable: os.cpus() (user, nice, sys, irq busy; idle idle). */
export const osCores: CoreSource = {
  read: () =>
    cpus().map(({ times: t }) => {
      const total = t.user + t.nice + t.sys + t.idle + t.irq
      return { busy: total - t.idle, total }
    }),
  close: () => {}
}

/** Linux: the `cpuN` lines of /proc/stat, read with one pread at position 0. */
export class ProcStatCores implements CoreSource {
  private fd: number | undefined
  // The cpuN lines come first; the rest of the file (interrupt counts) is not needed.
  private readonly buf = Buffer.allocUnsafe(256 + 160 * cpus().length)

  read(): CoreTime[] {
    this.fd ??= openSync('/proc/stat', 'r')
    const n = readSync(this.fd, this.buf, 0, this.buf.length, 0)
    return parseProcStat(this.buf, n)
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

const NEWLINE = 0x0a
const SPACE = 0x20
/** The fields of a core's line that count: user nice system idle iowait irq softirq steal. */
const CORE_FIELDS = 8
const fields = new Float64Array(CORE_FIELDS)

/** The `cpuN` lines at the head of /proc/stat's first `len` bytes: `cpuN user nice system idle
 *  iowait irq softirq steal guest guest_nice` (guest is in user). Read as bytes: split strings
 *  were a fifth of the explorer's garbage per tick (5 of 26 KB at 300 processes). A line the
 *  read buffer cut off (no newline) is left out rather than misread. */
export function parseProcStat(buf: Uint8Array, len = buf.length): CoreTime[] {
  const cores: CoreTime[] = []
  for (let i = 0; i < len;) {
    let end = i
    while (end < len && buf[end] !== NEWLINE) end++
    if (end === len) break // cut off
    // "cpu" and not "cpu " (the machine's total); the cpuN lines come first, then others
    if (buf[i] !== 0x63 || buf[i + 1] !== 0x70 || buf[i + 2] !== 0x75) break
    let k = i + 3
    if (buf[k] !== SPACE) {
      while (k < end && buf[k] !== SPACE) k++
      let n = 0
      for (; n < CORE_FIELDS; n++) {
        while (k < end && buf[k] === SPACE) k++
        const from = k
        let value = 0
        for (let c = buf[k]!; k < end && c >= 48 && c <= 57; c = buf[++k]!)
          value = value * 10 + (c - 48)
        if (k === from) break
        fields[n] = value
      }
      if (n < CORE_FIELDS) break // not a core's line as this parser knows it
      // user nice system idle iowait irq softirq steal, by index: destructuring a typed
      // array allocates an iterator
      const busy = fields[0]! + fields[1]! + fields[2]! + fields[5]! + fields[6]! + fields[7]!
      const idle = fields[3]! + fields[4]!
      cores.push({
        busy: busy * MS_PER_CLOCK_TICK,
        total: (busy + idle) * MS_PER_CLOCK_TICK
      })
    }
    i = end + 1
  }
  return cores
}

export function createCoreSource(platform: NodeJS.Platform = process.platform): CoreSource {
  return platform === 'linux' && readable('/proc/stat') ? new ProcStatCores() : osCores
}
