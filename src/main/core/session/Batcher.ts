// Fan-out of run events to subscribers in batches (one per run per ~40 ms), so that no face
// gets one message per event. Batch boundaries are remembered so that a reconnecting client
// can resume after the last batch it saw; the events themselves stay in the run's recorder.
import type { EventBatch, RunEvent } from '../../../shared/events'

export const BATCH_INTERVAL_MS = 40

export interface BatchSource {
  id: string
  events: readonly RunEvent[]
}

export class Batcher {
  private readonly listeners = new Set<(batch: EventBatch) => void>()
  private readonly pending = new Map<string, BatchSource>()
  /** Per run: for batch seq i, the index of its first event; the next batch starts at the end. */
  private readonly starts = new Map<string, number[]>()
  private readonly flushed = new Map<string, number>()
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly intervalMs = BATCH_INTERVAL_MS) {}

  subscribe(listener: (batch: EventBatch) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get subscriberCount(): number {
    return this.listeners.size
  }

  /** A run has new events: flush them with the next tick. */
  touch(run: BatchSource): void {
    this.pending.set(run.id, run)
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  /** Sends every pending event now (also used when a run ends, so the end is not late). */
  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const runs = [...this.pending.values()]
    this.pending.clear()
    for (const run of runs) {
      const from = this.flushed.get(run.id) ?? 0
      if (from >= run.events.length) continue
      const starts = this.starts.get(run.id) ?? []
      this.starts.set(run.id, starts)
      starts.push(from)
      this.flushed.set(run.id, run.events.length)
      const batch: EventBatch = {
        runId: run.id,
        seq: starts.length - 1,
        events: run.events.slice(from)
      }
      for (const listener of this.listeners) {
        try {
          listener(batch)
        } catch {
          // one subscriber's failure is its own; the others still get the batch
        }
      }
    }
  }

  /** Batches of `run` after `seq` (all of them for seq -1), rebuilt from the recorder. */
  batchesSince(run: BatchSource, seq: number): EventBatch[] {
    const starts = this.starts.get(run.id) ?? []
    const end = this.flushed.get(run.id) ?? 0
    const out: EventBatch[] = []
    for (let i = Math.max(0, seq + 1); i < starts.length; i++) {
      out.push({ runId: run.id, seq: i, events: run.events.slice(starts[i], starts[i + 1] ?? end) })
    }
    return out
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.listeners.clear()
  }
}
