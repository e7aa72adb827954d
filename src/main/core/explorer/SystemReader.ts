// How the explorer reads the whole machine: one interface, a /proc reader on Linux and a
// library elsewhere (createSystemReader picks). Readers report running totals (cpuTime) where
// the platform has them; SystemTable turns those into CPU % per tick.
import type { ProcessDetails, SystemProcess } from '../../../shared/system'

/** One process as read at one instant: a row without its CPU %, with the running total
 *  that gives it (or the % itself, from a platform that gives no totals). */
export type SystemReading = Omit<SystemProcess, 'cpu'> & {
  /** CPU time since the process started, ms; null where the platform gives a % instead. */
  cpuTime: number | null
  cpu?: number | null
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
