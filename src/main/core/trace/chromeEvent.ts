// One Chrome Trace Event (the JSON Trace Event Format that Perfetto UI and chrome://tracing open).
export interface ChromeEvent {
  name: string
  /** M metadata, X complete slice, i instant, C counter, b/e async begin/end, s/f flow. */
  ph: 'M' | 'X' | 'i' | 'C' | 'b' | 'e' | 's' | 'f'
  pid: number
  tid?: number
  /** Microseconds. */
  ts?: number
  dur?: number
  cat?: string
  id?: number
  /** Instant scope: g global, p process; absent = thread (all of ours). */
  s?: 'g' | 'p' | 't'
  /** Flow end binds to the enclosing slice (not the next one). */
  bp?: 'e'
  args?: Record<string, unknown>
}

/** ms (the run's clock) → µs, kept to ns precision so that equal times stay equal. */
export function us(ms: number): number {
  return Math.round(ms * 1e6) / 1e3
}
