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
    return parseProcStat(this.buf.toString('latin1', 0, n))
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** `cpuN user nice system idle iowait irq softirq steal guest guest_nice` (guest is in user). */
export function parseProcStat(text: string): CoreTime[] {
  const cores: CoreTime[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith('cpu') || line.startsWith('cpu ')) continue
    const f = line.split(' ').slice(1, 9).map(Number)
    if (f.length < 8 || f.some((x) => !Number.isFinite(x))) break // cut off by the buffer
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number
    ]
    const busy = user + nice + system + irq + softirq + steal
    cores.push({
      busy: busy * MS_PER_CLOCK_TICK,
      total: (busy + idle + iowait) * MS_PER_CLOCK_TICK
    })
  }
  return cores
}

export function createCoreSource(platform: NodeJS.Platform = process.platform): CoreSource {
  return platform === 'linux' && readable('/proc/stat') ? new ProcStatCores() : osCores
}
