// The Chrome trace as JSON text in pieces, `displayTimeUnit` first as chrome://tracing expects;
// the whole document is never one string in memory. Events are stringified in batches: one
// JSON.stringify call per batch costs about half as much as one per event.
import type { TraceDoc } from './TraceDoc'
import { chromeTraceBatches } from './chromeTrace'

export const CHROME_HEAD = '{"displayTimeUnit":"ms","traceEvents":['

export function* chromeTraceText(trace: TraceDoc): Generator<string> {
  yield CHROME_HEAD
  let first = true
  for (const batch of chromeTraceBatches(trace)) {
    if (batch.length === 0) continue
    // The separator on its own: joined to the batch's text it would make a string that has to
    // be copied flat (~100 KB per batch) before it can be encoded.
    if (!first) yield ',\n'
    yield JSON.stringify(batch).slice(1, -1)
    first = false
  }
  yield ']}\n'
}
