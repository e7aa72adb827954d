// Fan-out of run events to subscribers in batches (one per run per ~40 ms), so that no face
// gets one message per event. Batch boundaries are remembered so that a reconnecting client
// can resume after the last batch it saw; the events themselves stay in the run's recorder.
// A subscriber may answer a batch with a promise: until it settles, its next batches wait in
// a bounded backlog, past which they are dropped and counted (DropCounter), so a slow
// subscriber never blocks the runs or the other subscribers, nor grows memory without end.
// Events that are already all recorded (an opened trace, the history a subscriber asks for)
// go out as a stream instead: one batch at a time as the subscriber takes them, rebuilt from
// the recorder then, never dropped, and in order with the live batches queued behind them.
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

export interface SubscribeOptions {
  maxBacklog?: number
  /** Batches to hand over first, as a stream (taken one at a time, never dropped). */
  history?: Iterable<EventBatch>
}

/** What waits for a subscriber: a live batch, or a stream of recorded batches. */
type Waiting = { batch: EventBatch } | { stream: Iterator<EventBatch> }

interface Subscriber {
  listener: BatchSubscriber
  maxBacklog: number
  busy: boolean
  /** In a delivery loop already (a listener that flushes must not start a second one). */
  pumping: boolean
  backlog: Waiting[]
  /** Events of the live batches in `backlog` (streams are not counted: nothing is copied). */
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

  subscribe(listener: BatchSubscriber, opts: SubscribeOptions = {}): () => void {
    const sub: Subscriber = {
      listener,
      maxBacklog: opts.maxBacklog ?? MAX_SUBSCRIBER_BACKLOG,
      busy: false,
      pumping: false,
      backlog: [],
      queued: 0,
      drops: new DropCounter()
    }
    this.subscribers.add(sub)
    if (opts.history) {
      sub.backlog.push({ stream: opts.history[Symbol.iterator]() })
      this.pump(sub)
    }
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
   * batches of at most maxBatchEvents. `recorded` says the runs' events are all recorded (an
   * opened trace): they go to each subscriber as a stream, at its pace and never dropped,
   * rather than as a burst of batches that a busy subscriber would have to drop.
   */
  flush({ recorded = false } = {}): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const runs = [...this.pending.values()]
    this.pending.clear()
    for (const run of runs) {
      const end = run.events.length
      const starts = this.starts.get(run.id) ?? []
      this.starts.set(run.id, starts)
      const first = starts.length
      for (let from = this.flushed.get(run.id) ?? 0; from < end; from += this.maxBatchEvents) {
        const to = Math.min(end, from + this.maxBatchEvents)
        starts.push(from)
        this.flushed.set(run.id, to)
        if (recorded) continue
        const batch: EventBatch = {
          runId: run.id,
          seq: starts.length - 1,
          events: run.events.slice(from, to)
        }
        for (const sub of this.subscribers) this.offer(sub, { batch })
      }
      if (recorded) {
        for (const sub of this.subscribers)
          this.offer(sub, { stream: this.batchRange(run, first, starts.length) })
      }
    }
  }

  private offer(sub: Subscriber, item: Waiting): void {
    if ('batch' in item) {
      const { batch } = item
      const kept =
        sub.busy && sub.queued + batch.events.length > sub.maxBacklog
          ? sub.drops.drop(batch)
          : sub.drops.mark(batch)
      if (!kept) return
      sub.backlog.push({ batch: kept })
      sub.queued += kept.events.length
    } else sub.backlog.push(item)
    this.pump(sub)
  }

  /** Hands over what waits, in order, until the subscriber says it is busy. */
  private pump(sub: Subscriber): void {
    if (sub.pumping) return
    sub.pumping = true
    try {
      while (!sub.busy) {
        const next = this.take(sub)
        if (!next) return
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
            this.pump(sub)
          }
          busy.then(resume, resume)
        }
      }
    } finally {
      sub.pumping = false
    }
  }

  /** The next batch waiting for `sub` (a live batch carries what was dropped before it). */
  private take(sub: Subscriber): EventBatch | undefined {
    while (this.subscribers.has(sub) && sub.backlog.length > 0) {
      const head = sub.backlog[0]!
      if ('batch' in head) {
        sub.backlog.shift()
        sub.queued -= head.batch.events.length
        return head.batch
      }
      const next = head.stream.next()
      if (!next.done) return next.value
      sub.backlog.shift()
    }
    return undefined
  }

  /** Batches of `run` after `seq` (all of them for seq -1), rebuilt from the recorder. */
  batchesSince(run: BatchSource, seq: number): EventBatch[] {
    return [...this.eachBatchSince(run, seq)]
  }

  /** The same, each rebuilt only when it is taken (a compact recorder decodes its events then:
   *  replaying a million-event run does not hold a million objects at once). Which batches
   *  is fixed now: later ones are not added while it is being taken. */
  eachBatchSince(run: BatchSource, seq: number): Generator<EventBatch> {
    return this.batchRange(run, Math.max(0, seq + 1), this.starts.get(run.id)?.length ?? 0)
  }

  /** Batches seq `from` to `to` - 1 of `run`, each rebuilt when taken. */
  private batchRange(run: BatchSource, from: number, to: number): Generator<EventBatch> {
    const starts = this.starts.get(run.id) ?? []
    const bounds = [...starts.slice(from, to), starts[to] ?? this.flushed.get(run.id) ?? 0]
    return (function* () {
      for (let k = 0; k + 1 < bounds.length; k++) {
        yield { runId: run.id, seq: from + k, events: run.events.slice(bounds[k], bounds[k + 1]) }
      }
    })()
  }

  /** A run the host let go of: every subscriber is told (a batch with `forgotten`, after the
   *  run's last one), and its batch boundaries go. */
  forget(runId: string): void {
    const batch: EventBatch = {
      runId,
      seq: this.starts.get(runId)?.length ?? 0,
      events: [],
      forgotten: true
    }
    for (const sub of this.subscribers) this.offer(sub, { batch })
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
