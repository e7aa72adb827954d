// How the explorer reads the whole machine: one interface, a /proc reader on Linux and a
// library elsewhere (createSystemReader picks). Readers report running totals (cpuTime) where
// the platform has them; SystemTable turns those into CPU % per tick.
import type { ProcessDetails, SystemProcess } from '../../../shared/system'

/** One process as read at one instant: a row whose CPU % SystemTable fills in from the
 *  running total (cpuTime), or that carries the % itself (a platform that gives no totals).
 *  SystemTable turns readings into rows in place: one object per process per tick. */
export type SystemReading = SystemProcess & {
  /** CPU time since the process started, ms; null where the platform gives a % instead. */
  cpuTime: number | null
}

export interface SystemReader {
  readonly kind: 'procfs' | 'systeminformation'
  /** Every process of the machine that could be listed now. */
  readAll(): Promise<SystemReading[]>
  /** The details pane's fields of one process, each with its reason when unreadable. */
  details(pid: number): Promise<ProcessDetails>
  /** Releases what the reader holds (open descriptors). */
  close(): void
}

/** A short, stable reason from a Node fs error. */
export function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOENT' || code === 'ESRCH') return 'gone'
  return err instanceof Error ? err.message : String(err)
}
