// The Chrome trace as JSON text in pieces (one per event), `displayTimeUnit` first as
// chrome://tracing expects; the whole document is never one string in memory.
import type { NativeTrace } from '../../../shared/trace'
import { chromeTraceEvents } from './chromeTrace'

export const CHROME_HEAD = '{"displayTimeUnit":"ms","traceEvents":['

export function* chromeTraceText(trace: NativeTrace): Generator<string> {
  yield CHROME_HEAD
  let first = true
  for (const ev of chromeTraceEvents(trace)) {
    yield first ? JSON.stringify(ev) : ',\n' + JSON.stringify(ev)
    first = false
  }
  yield ']}\n'
}
