// What a subscriber that fell behind missed, per run. Dropped events are counted and the
// count rides on the next batch of the same run that does go out (EventBatch.dropped); a
// run's start and end are never dropped, so a slow subscriber still learns how a run ended.
// The recorder (Run.events) keeps everything: a client can fetch the gap with batchesSince.
import type { EventBatch, RunEvent } from '../../../shared/events'

const mustKeep = (e: RunEvent): boolean => e.type === 'run.start' || e.type === 'run.end'

export class DropCounter {
  private readonly byRun = new Map<string, number>()
  /** Events dropped so far, over all runs. */
  total = 0

  /** Counts `batch` as dropped; returns what must still go out (its run start/end), or null. */
  drop(batch: EventBatch): EventBatch | null {
    const kept = batch.events.filter(mustKeep)
    const n = batch.events.length - kept.length
    this.total += n
    if (n > 0) this.byRun.set(batch.runId, (this.byRun.get(batch.runId) ?? 0) + n)
    return kept.length > 0 ? this.mark({ ...batch, events: kept }) : null
  }

  /** `batch` carrying the count dropped before it in its run (the count is then reset). */
  mark(batch: EventBatch): EventBatch {
    const n = this.byRun.get(batch.runId)
    if (!n) return batch
    this.byRun.delete(batch.runId)
    return { ...batch, dropped: (batch.dropped ?? 0) + n }
  }
}
