// Fan-out of run events to subscribers in batches (one per run per ~40 ms), so that no face
// gets one message per event. Batch boundaries are remembered so that a reconnecting client
// can resume after the last batch it saw; the events themselves stay in the run's recorder.
// A subscriber may answer a batch with a promise: until it settles, its next batches wait in
// a bounded backlog, past which they are dropped and counted (DropCounter), so a slow
// subscriber never blocks the runs or the other subscribers, nor grows memory without end.
import type { EventBatch } from '../../../shared/events'
import { DropCounter } from './DropCounter'
import type { EventList } from './EventList'

export const BATCH_INTERVAL_MS = 40
/**
 * A live interval's events go out in batches of at most this many: a burst (a producer putting
 * 100,000 messages in 0.7 s makes ~16,000 events per interval) then reaches a page as several
 * messages, each parsed in its own task, instead of one that holds a frame for 50+ ms.
 */
export const MAX_BATCH_EVENTS = 2000
/** Events that may wait for a busy subscriber before further batches are dropped for it. */
export const MAX_SUBSCRIBER_BACKLOG = 20_000

/** Returns a promise to say "busy until it settles". */
export type BatchSubscriber = (batch: EventBatch) => void | PromiseLike<unknown>

interface Subscriber {
  listener: BatchSubscriber
  maxBacklog: number
  busy: boolean
  backlog: EventBatch[]
  /** Events in `backlog`. */
  queued: number
  drops: DropCounter
}

export interface BatchSource {
  id: string
  events: EventList
}

export class Batcher {
  private readonly subscribers = new Set<Subscriber>()
  private readonly pending = new Map<string, BatchSource>()
  /** Per run: for batch seq i, the index of its first event; the next batch starts at the end. */
  private readonly starts = new Map<string, number[]>()
  private readonly flushed = new Map<string, number>()
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly intervalMs = BATCH_INTERVAL_MS,
    private readonly maxBatchEvents = MAX_BATCH_EVENTS
  ) {}

  subscribe(listener: BatchSubscriber, opts: { maxBacklog?: number } = {}): () => void {
    const sub: Subscriber = {
      listener,
      maxBacklog: opts.maxBacklog ?? MAX_SUBSCRIBER_BACKLOG,
      busy: false,
      backlog: [],
      queued: 0,
      drops: new DropCounter()
    }
    this.subscribers.add(sub)
    return () => {
      this.subscribers.delete(sub)
      sub.backlog = []
      sub.queued = 0
    }
  }

  get subscriberCount(): number {
    return this.subscribers.size
  }

  /** A run has new events: flush them with the next tick. */
  touch(run: BatchSource): void {
    this.pending.set(run.id, run)
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  /**
   * Sends every pending event now (also used when a run ends, so the end is not late), in
   * batches of at most maxBatchEvents; `whole` sends each run's events as one batch (an opened
   * trace: all of it at once, as one message, rather than a stream a busy client could drop).
   */
  flush({ whole = false } = {}): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const runs = [...this.pending.values()]
    this.pending.clear()
    for (const run of runs) {
      const end = run.events.length
      const starts = this.starts.get(run.id) ?? []
      this.starts.set(run.id, starts)
      const step = whole ? Infinity : this.maxBatchEvents
      for (let from = this.flushed.get(run.id) ?? 0; from < end; from += step) {
        const to = Math.min(end, from + step)
        starts.push(from)
        this.flushed.set(run.id, to)
        const batch: EventBatch = {
          runId: run.id,
          seq: starts.length - 1,
          events: run.events.slice(from, to)
        }
        for (const sub of this.subscribers) this.offer(sub, batch)
      }
    }
  }

  private offer(sub: Subscriber, batch: EventBatch): void {
    if (!sub.busy) return this.deliver(sub, sub.drops.mark(batch))
    const kept =
      sub.queued + batch.events.length > sub.maxBacklog
        ? sub.drops.drop(batch)
        : sub.drops.mark(batch)
    if (!kept) return
    sub.backlog.push(kept)
    sub.queued += kept.events.length
  }

  /** Hands `batch` over, then whatever waited, until the subscriber says it is busy. */
  private deliver(sub: Subscriber, batch: EventBatch): void {
    for (let next: EventBatch | undefined = batch; next; next = this.dequeue(sub)) {
      let busy: void | PromiseLike<unknown>
      try {
        busy = sub.listener(next)
      } catch {
        continue // one subscriber's failure is its own; the others still get the batch
      }
      if (busy && typeof busy.then === 'function') {
        sub.busy = true
        const resume = (): void => {
          sub.busy = false
          const queued = this.dequeue(sub)
          if (queued) this.deliver(sub, queued)
        }
        busy.then(resume, resume)
        return
      }
    }
  }

  private dequeue(sub: Subscriber): EventBatch | undefined {
    if (!this.subscribers.has(sub)) return undefined
    const batch = sub.backlog.shift()
    if (batch) sub.queued -= batch.events.length
    return batch
  }

  /** Batches of `run` after `seq` (all of them for seq -1), rebuilt from the recorder. */
  batchesSince(run: BatchSource, seq: number): EventBatch[] {
    return [...this.eachBatchSince(run, seq)]
  }

  /** The same, each rebuilt only when it is taken (a compact recorder decodes its events then:
   *  replaying a million-event run does not hold a million objects at once). */
  *eachBatchSince(run: BatchSource, seq: number): Generator<EventBatch> {
    const starts = this.starts.get(run.id) ?? []
    const end = this.flushed.get(run.id) ?? 0
    for (let i = Math.max(0, seq + 1); i < starts.length; i++) {
      yield { runId: run.id, seq: i, events: run.events.slice(starts[i], starts[i + 1] ?? end) }
    }
  }

  /** A run the host let go of: its batch boundaries go too. */
  forget(runId: string): void {
    this.pending.delete(runId)
    this.starts.delete(runId)
    this.flushed.delete(runId)
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.subscribers.clear()
  }
}
