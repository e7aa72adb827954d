// Per-process CPU and memory statistics, kept the way htop's ProcessTable keeps them: one row
// per PID with running totals (cpuTime) and per-tick changes (cpuPeriod, cpu). A process's first
// reading has no period yet, so its CPU is null ("no data yet"), never a made-up 0. Exited
// processes stay, marked with their exit code, until their owner removes them (a run does so
// when it ends). (The renderer's ProcessTable is the view that shows them.)
import type { ProcReading } from './ProcReader'
import { saturatingSub } from './saturatingSub'

export interface ProcessRow {
  pid: number
  /** Null until the process was read once. */
  ppid: number | null
  alive: boolean
  exitCode: number | null
  signal: string | null
  /** CPU time used since the process started, ms (htop's …Time). */
  cpuTime: number | null
  /** CPU time used during the last tick, ms (htop's …Period); null without two readings. */
  cpuPeriod: number | null
  /** % of one core over the last tick; null = no data yet (or no longer). */
  cpu: number | null
  /** Resident memory, bytes; null until read. */
  rss: number | null
  /** When the last reading was taken (monotonic ms). */
  readAt: number | null
}

export class ProcessStats {
  private readonly rows = new Map<number, ProcessRow>()

  get(pid: number): ProcessRow | undefined {
    return this.rows.get(pid)
  }

  all(): ProcessRow[] {
    return [...this.rows.values()]
  }

  get size(): number {
    return this.rows.size
  }

  /** Applies one tick: `readings` of `pids` taken at `now`; a pid without one is gone.
   *  Returns the rows of `pids`, in that order. */
  update(
    pids: readonly number[],
    readings: ReadonlyMap<number, ProcReading>,
    now: number
  ): ProcessRow[] {
    const rows: ProcessRow[] = new Array<ProcessRow>(pids.length)
    for (let i = 0; i < pids.length; i++) {
      const pid = pids[i]!
      const row = (rows[i] = this.row(pid))
      const r = readings.get(pid)
      // An exited row keeps its last figures: a new reading under its PID is another process.
      if (row.exitCode !== null || row.signal !== null) continue
      if (!r) {
        row.alive = false
        row.cpu = row.cpuPeriod = null
        continue
      }
      if (row.cpuTime !== null && row.readAt !== null && now > row.readAt) {
        row.cpuPeriod = saturatingSub(r.cpuTime, row.cpuTime)
        row.cpu = (row.cpuPeriod / (now - row.readAt)) * 100
      } else {
        row.cpu = row.cpuPeriod = null
      }
      row.cpuTime = r.cpuTime
      row.readAt = now
      row.ppid = r.ppid
      row.rss = r.rss
      row.alive = r.alive
    }
    return rows
  }

  /** Marks `pid` as exited with its code or signal (known to whoever waited for it). */
  markExited(pid: number, code: number | null, signal: string | null): void {
    const row = this.row(pid)
    row.alive = false
    row.exitCode = code
    row.signal = signal
    row.cpu = row.cpuPeriod = null
  }

  remove(pid: number): void {
    this.rows.delete(pid)
  }

  private row(pid: number): ProcessRow {
    let row = this.rows.get(pid)
    if (!row) {
      row = {
        pid,
        ppid: null,
        alive: true,
        exitCode: null,
        signal: null,
        cpuTime: null,
        cpuPeriod: null,
        cpu: null,
        rss: null,
        readAt: null
      }
      this.rows.set(pid, row)
    }
    return row
  }
}
