// The host's check of what children send (see protocol.ts for the messages themselves).
import { z } from 'zod'
import { ErrorInfoSchema } from '../../shared/events'
import { describeZodError } from '../../shared/validation'
import { splitPacked } from './child/packedNumbers'
import type { ChildMessage } from './protocol'

const id = z.number().int().nonnegative()
const timeoutMs = z.number().finite().nonnegative().optional()

export const ChildMessageSchema: z.ZodType<ChildMessage> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int(), ppid: z.number().int() }),
  z
    .object({
      type: z.literal('result'),
      id,
      value: z.unknown(),
      packed: z.enum(['i32', 'f64']).optional()
    })
    .refine((m) => m.packed === undefined || typeof m.value === 'string', {
      message: 'packed numbers must be a base64 string',
      path: ['value']
    }),
  z
    .object({ type: z.literal('results'), ids: z.array(id), values: z.array(z.unknown()) })
    .refine((m) => m.ids.length === m.values.length, {
      message: 'ids and values differ in length',
      path: ['values']
    }),
  z.object({ type: z.literal('error'), id, error: ErrorInfoSchema }),
  z.object({ type: z.literal('out'), text: z.string() }),
  z.object({
    type: z.literal('q.put'),
    req: id,
    queue: z.string(),
    item: z.unknown(),
    timeoutMs
  }),
  z.object({ type: z.literal('q.get'), req: id, queue: z.string(), timeoutMs }),
  z.object({ type: z.literal('q.size'), req: id, queue: z.string() }),
  z.object({ type: z.literal('lock.acquire'), req: id, lock: z.string(), timeoutMs }),
  z.object({ type: z.literal('lock.release'), lock: z.string() }),
  z.object({
    type: z.enum(['pipe.send', 'pipe.recv']),
    pipe: z.string(),
    bytes: id,
    msg: id,
    count: z.number().int().positive().optional()
  }),
  z.object({ type: z.literal('pipe.close'), pipe: z.string() })
])

/** Parses one line from a child; null (with the reason) when it is not a valid message. */
export function parseChildMessage(
  line: string
): { ok: true; msg: ChildMessage } | { ok: false; why: string } {
  const { json, data } = splitPacked(line)
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return { ok: false, why: 'not JSON' }
  }
  if (data !== undefined) {
    // Packed numbers travel after the JSON (see lineWithPacked): they are a result's value.
    const m = raw as { type?: unknown; value?: unknown } | null
    if (typeof m !== 'object' || m === null || m.type !== 'result' || 'value' in m) {
      return { ok: false, why: 'packed data after a message that cannot take it' }
    }
    m.value = data
  }
  if (isPlainResult(raw) || isPlainResults(raw) || isPlainPut(raw)) return { ok: true, msg: raw }
  const parsed = ChildMessageSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, why: describeZodError(parsed.error, 'message') }
  return { ok: true, msg: parsed.data }
}

/** The same check as the schema, by hand, for the message a busy pool gets most. */
function isPlainResult(raw: unknown): raw is Extract<ChildMessage, { type: 'result' }> {
  if (typeof raw !== 'object' || raw === null) return false
  const m = raw as { type?: unknown; id?: unknown; value?: unknown; packed?: unknown }
  if (m.type !== 'result' || !Number.isInteger(m.id) || (m.id as number) < 0) return false
  for (const k in raw)
    if (k !== 'type' && k !== 'id' && k !== 'value' && k !== 'packed') return false
  return (
    m.packed === undefined ||
    ((m.packed === 'i32' || m.packed === 'f64') && typeof m.value === 'string')
  )
}

/** Likewise for a put on an unbounded queue (a child streaming through a Queue). */
function isPlainPut(raw: unknown): raw is Extract<ChildMessage, { type: 'q.put' }> {
  if (typeof raw !== 'object' || raw === null) return false
  const m = raw as { type?: unknown; req?: unknown; queue?: unknown }
  if (m.type !== 'q.put' || m.req !== 0 || typeof m.queue !== 'string') return false
  for (const k in raw)
    if (k !== 'type' && k !== 'req' && k !== 'queue' && k !== 'item') return false
  return true
}

/** Likewise for a batch of results. */
function isPlainResults(raw: unknown): raw is Extract<ChildMessage, { type: 'results' }> {
  if (typeof raw !== 'object' || raw === null) return false
  const m = raw as { type?: unknown; ids?: unknown; values?: unknown }
  if (m.type !== 'results' || !Array.isArray(m.ids) || !Array.isArray(m.values)) return false
  if (m.ids.length !== m.values.length) return false
  for (const id of m.ids) if (!Number.isInteger(id) || id < 0) return false
  for (const k in raw) if (k !== 'type' && k !== 'ids' && k !== 'values') return false
  return true
}
