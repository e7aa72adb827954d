// A trace as the exporters read it: the native document, its events any EventList (a run's
// compact recorder, or an array from a file) so that exporting never copies them into objects.
import type { NativeTrace } from '../../../shared/trace'
import type { EventList } from '../session/EventList'

export type TraceDoc = Omit<NativeTrace, 'events'> & { readonly events: EventList }
