// The native trace file (.poolscope.json[.gz]): versioned, validated on open, bounded so that a
// hostile file cannot exhaust the host's memory.
import { z } from 'zod'
import { RunEventSchema, RunStatusSchema, VerdictSchema } from './events'

export const TRACE_FORMAT = 'poolscope-trace'
export const TRACE_VERSION = 1

/** File name endings of the export formats (CSV: see csvTables for the per-table files). */
export const TRACE_SUFFIX = {
  native: '.poolscope.json',
  nativeGz: '.poolscope.json.gz',
  chrome: '.trace.json',
  csv: '.csv'
} as const

/** What an opened trace may contain; each limit is named in the error when it is exceeded. */
export const TRACE_LIMITS = {
  /** Bytes read from disk (compressed or not). */
  fileBytes: 256 * 1024 * 1024,
  /** Characters of JSON text (after gunzip). */
  textChars: 256 * 1024 * 1024,
  events: 2_000_000,
  /** Characters in any one JSON string (stdout text, names, keys). */
  stringChars: 1024 * 1024,
  /** Characters in any one JSON number literal. */
  numberChars: 64,
  /** Nesting depth of objects/arrays (the document itself is depth 1). */
  depth: 32,
  /** JSON values (objects, arrays, strings other than keys, numbers, literals) in the file. */
  values: 16_000_000
} as const

export const TraceMetaSchema = z.object({
  scenario: z.string().max(64),
  params: z.record(z.string().max(64), z.union([z.number(), z.string().max(1024)])),
  hostPid: z.number().int().positive(),
  /** Wall-clock start of the run, ms since the epoch (within what a Date can hold). */
  startedAt: z.number().min(0).max(8.64e15),
  host: z.string().max(256),
  os: z.string().max(256),
  cpuModel: z.string().max(256),
  cores: z.number().int().positive().max(4096),
  appVersion: z.string().max(64)
})
export type TraceMeta = z.infer<typeof TraceMetaSchema>

export const NativeTraceSchema = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSION),
  meta: TraceMetaSchema,
  status: RunStatusSchema,
  verdict: VerdictSchema.optional(),
  /** Every event of the run in time order; samples are `sample` events in the same list. */
  events: z
    .array(RunEventSchema)
    .max(TRACE_LIMITS.events)
    .superRefine((events, ctx) => {
      // Replay and the exporters rely on time order, as the recorder produced it.
      for (let i = 1; i < events.length; i++) {
        if (events[i]!.t < events[i - 1]!.t) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 't'],
            message: `events are out of time order (${events[i]!.t} after ${events[i - 1]!.t})`
          })
          return
        }
      }
    })
})
export type NativeTrace = z.infer<typeof NativeTraceSchema>
