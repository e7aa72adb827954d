// How the explorer reads the whole machine: one interface, a /proc reader on Linux and a
// library elsewhere (createSystemReader picks). Each gives CPU % per process: from running
// totals (cpuTime) across its reads where the platform has them, or the platform's own %.
import type { ProcessDetails, SystemProcess } from '../../../shared/system'

/** One process as read at one instant, a row of a snapshot: never changed once handed out
 *  (a reader may hand out the same row again while the process stays the same). */
export type SystemReading = SystemProcess & {
  /** CPU time since the process started, ms; null where the platform gives a % instead. */
  cpuTime: number | null
}

export interface SystemReader {
  readonly kind: 'procfs' | 'systeminformation'
  /** Every process of the machine that could be listed now, with its CPU % since the last
   *  call (null on its first). */
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
