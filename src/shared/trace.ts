// The native trace file (.poolscope.json): versioned, validated on open.
import { z } from 'zod'
import { RunEventSchema, RunStatusSchema, VerdictSchema } from './events'

export const TRACE_FORMAT = 'poolscope-trace'
export const TRACE_VERSION = 1

export const TraceMetaSchema = z.object({
  scenario: z.string().max(64),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  hostPid: z.number().int().positive(),
  startedAt: z.number().finite(),
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
  events: z.array(RunEventSchema)
})
export type NativeTrace = z.infer<typeof NativeTraceSchema>
