// Test helper: an EventSink that records, and lets a test wait for an event (tests coordinate
// by events, not sleeps).
import type { UnstampedEvent } from '../../../src/shared/events'
import type { EventSink } from '../../../src/main/core/eventSink'

/** The events whose `type` may be K (some share one schema with an enum of types). */
type EventOfType<K> = UnstampedEvent extends infer E
  ? E extends { type: infer T }
    ? K extends T
      ? E & { type: K }
      : never
    : never
  : never

export interface Recorder {
  events: UnstampedEvent[]
  sink: EventSink
  /** Resolves with the first recorded event (past or future) matching `pred`. */
  waitFor(pred: (e: UnstampedEvent) => boolean, timeoutMs?: number): Promise<UnstampedEvent>
  of<K extends UnstampedEvent['type']>(type: K): EventOfType<K>[]
}

export function recordEvents(): Recorder {
  const events: UnstampedEvent[] = []
  const waiters: { pred: (e: UnstampedEvent) => boolean; resolve: (e: UnstampedEvent) => void }[] =
    []
  return {
    events,
    sink: (e) => {
      events.push(e)
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.pred(e)) waiters.splice(i, 1)[0]!.resolve(e)
      }
    },
    waitFor(pred, timeoutMs = 15_000) {
      const seen = events.find(pred)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the awaited event never came')), timeoutMs)
        waiters.push({
          pred,
          resolve: (e) => {
            clearTimeout(timer)
            resolve(e)
          }
        })
      })
    },
    of(type) {
      return events.filter((e) => e.type === type) as never
    }
  }
}
