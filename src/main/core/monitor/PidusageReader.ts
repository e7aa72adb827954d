// The portable path (macOS, Windows, the BSDs): pidusage, which reads ps / wmic / procfs.
// Only its running totals (ctime, memory) are used: ProcessStats computes the periods.
import pidusage from 'pidusage'
import type { ProcReader, ProcReading } from './ProcReader'

export class PidusageReader implements ProcReader {
  readonly kind = 'pidusage'

  /** `usePs`: ask ps even on Linux (where pidusage would read the /proc we cannot). */
  constructor(private readonly usePs = false) {}

  async read(pids: readonly number[]): Promise<Map<number, ProcReading>> {
    const out = new Map<number, ProcReading>()
    if (pids.length === 0) return out
    let stats: Record<string, pidusage.Status | undefined>
    try {
      // pidusage rewrites the array it is given: pass a copy.
      stats = await pidusage([...pids], { usePs: this.usePs })
    } catch (err) {
      // With several pids, pidusage skips gone ones; a lone gone pid rejects instead.
      if (pids.length === 1) return out
      throw err
    }
    for (const pid of pids) {
      const s = stats[pid]
      if (!s) continue
      // pidusage gives no state, but a zombie (exited, not reaped yet) has no resident memory
      // left, and a live user process always has some: a row read between the two is not
      // taken for a live one with 0 bytes.
      out.set(pid, { pid, ppid: s.ppid, cpuTime: s.ctime, rss: s.memory, alive: s.memory > 0 })
    }
    return out
  }

  forget(): void {
    // pidusage expires its own per-pid history
  }

  close(): void {
    pidusage.clear()
  }
}
