// How the sampler reads processes: one interface, two implementations picked by platform
// (procfs on Linux, pidusage elsewhere). Readers report running totals only; the
// ProcessStats turns them into per-tick changes, so both paths compute CPU % the same way.

/** One process as read at one instant. */
export interface ProcReading {
  pid: number
  ppid: number
  /** CPU time (user + system) used since the process started, ms. */
  cpuTime: number
  /** Resident set size, bytes. */
  rss: number
  /** False for a zombie: it has exited but was not reaped yet. */
  alive: boolean
}

export interface ProcReader {
  readonly kind: 'procfs' | 'pidusage'
  /** Readings of those `pids` that still exist; a gone process is simply absent. */
  read(pids: readonly number[]): Promise<Map<number, ProcReading>>
  /** The caller will not ask about `pid` again (a reader may hold resources for it). */
  forget(pid: number): void
  /** Releases everything the reader holds. */
  close(): void
}
