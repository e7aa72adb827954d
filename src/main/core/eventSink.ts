import type { UnstampedEvent } from '../../shared/events'

/** Where primitives report what they do; a run session stamps and records each event. */
export type EventSink = (event: UnstampedEvent) => void

export const discardEvents: EventSink = () => {}
