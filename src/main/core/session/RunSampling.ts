// Sampling while a run is live: the run's processes are those its recorded events spawned
// and did not see exit (so workers created by any primitive are covered without knowing
// it). Each tick becomes a `sample` event: the host first, then the run's live processes.
// finish() takes one last sample and stops, so that the last sample precedes run.end.
import type { UnstampedEvent } from '../../../shared/events'
import type { Monitor, MonitorWatch } from '../monitor/Monitor'
import type { ProcessRow } from '../monitor/ProcessStats'
import type { Snapshot } from '../monitor/Sampler'
import type { EventList } from './EventList'

export interface SampledRun {
  readonly hostPid: number
  readonly events: EventList
  emit(event: UnstampedEvent): void
}

export class RunSampling {
  private watch: MonitorWatch | undefined
  /** Events of the run already looked at for spawns and exits. */
  private scanned = 0
  private readonly live = new Set<number>()
  private readonly seen = new Set<number>()
  private warned = false

  constructor(
    private readonly run: SampledRun,
    private readonly monitor: Monitor
  ) {}

  start(): void {
    this.watch ??= this.monitor.watch({
      pids: () => this.livePids(),
      onSnapshot: (s) => this.emitSample(s),
      onError: (err) => this.warn(err)
    })
  }

  /** Takes the run's last sample, emits it and stops sampling (idempotent). */
  async finish(): Promise<void> {
    if (!this.watch) return
    this.livePids() // record exits seen since the last tick
    const watch = this.watch
    this.watch = undefined
    const last = await watch.close(true)
    if (last) this.emitSample(last)
  }

  /** The monitor's rows for this run: the host, then every process it spawned, exited ones
   *  marked with their exit code. Empty once the run has ended. */
  rows(): ProcessRow[] {
    this.livePids()
    return [this.run.hostPid, ...this.seen].flatMap((pid) => {
      const row = this.monitor.sampler.table.get(pid)
      return row ? [row] : []
    })
  }

  private livePids(): number[] {
    // Only what was recorded since the last look (the recorder's newest events, undecoded).
    for (const e of this.run.events.slice(this.scanned)) {
      this.scanned++
      if (e.type === 'proc.spawn') {
        this.live.add(e.pid)
        this.seen.add(e.pid)
      } else if (e.type === 'proc.exit') {
        this.live.delete(e.pid)
        this.watch?.exited(e.pid, e.code, e.signal)
      }
    }
    return [...this.live]
  }

  private emitSample(s: Snapshot): void {
    const procs = s.procs
      .filter((r) => r.alive && r.rss !== null)
      .map((r) => ({ pid: r.pid, ppid: r.ppid ?? 0, cpu: round(r.cpu), rss: r.rss! }))
    this.run.emit({ type: 'sample', cores: s.cores.map(round), procs })
  }

  private warn(err: Error): void {
    if (this.warned) return
    this.warned = true
    this.run.emit({ type: 'log', level: 'warn', text: `sampler: ${err.message}` })
  }
}

/** One decimal: finer than a 10 ms clock tick can resolve at 10 Hz, and shorter JSON. */
function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10
}
