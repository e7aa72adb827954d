// Opening a native trace: bounded, then parsed, then validated; every failure is one Error
// whose message says what is wrong (the caller prefixes the file name).
import type { NativeTrace } from '../../../shared/trace'
import { NativeTraceSchema, TRACE_FORMAT, TRACE_VERSION } from '../../../shared/trace'
import { describeZodError } from '../../../shared/validation'
import { checkJsonLimits } from './checkJsonLimits'
import { ReplayRun } from './ReplayRun'

export function parseNativeTrace(text: string): NativeTrace {
  // gzip's magic byte, as text: a .gz whose bytes reached us undecompressed.
  if (text.charCodeAt(0) === 0x1f) {
    throw new Error('this is gzip-compressed data, not JSON text: decompress it first')
  }
  checkJsonLimits(text)
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    throw new Error(`not valid JSON (${why}); the file may be truncated or not a trace`)
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error(`not a PoolScope trace (expected a JSON object, found ${kindOf(doc)})`)
  }
  const { format, version } = doc as { format?: unknown; version?: unknown }
  if (format !== TRACE_FORMAT) {
    throw new Error(`not a PoolScope trace (expected "format": "${TRACE_FORMAT}")`)
  }
  if (version !== TRACE_VERSION) {
    const shown = typeof version === 'number' ? String(version) : kindOf(version)
    throw new Error(`unsupported trace version ${shown} (this app reads version ${TRACE_VERSION})`)
  }
  const parsed = NativeTraceSchema.safeParse(doc)
  if (!parsed.success) throw new Error(describeZodError(parsed.error, 'trace'))
  return parsed.data
}

/** Parses and validates a native trace into a replay run. */
export function openNativeTrace(id: string, text: string): ReplayRun {
  return new ReplayRun(id, parseNativeTrace(text))
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'none'
  if (v === null) return 'null'
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`
}
