// What the shim (resources/python/poolscope_shim) and the launcher send: one JSON object per
// line. Events are the run's own event types (their schemas, from src/shared/events.ts) with
// `ns` (CLOCK_MONOTONIC) in place of `t` and a few fields the host resolves: raw object ids the
// host names, task keys it numbers, depths it turns into queue.depth events, signal numbers.
import { z } from 'zod'
import type { EventOf, RunEventType } from '../../../shared/events'
import { RunEventSchema } from '../../../shared/events'
import { describeZodError } from '../../../shared/validation'

/** A line longer than this is refused (a warning in the run's log), not parsed. */
export const MAX_LINE_BYTES = 64 * 1024

const ns = z.number().int().nonnegative()
const pid = z.number().int().positive()
const rawId = z.string().min(1).max(256)
const signum = z.number().int().min(1).max(64).nullable()

/** The event schema of `type`, without `t`, with `ns` and `extras`. */
function fromEvent(type: RunEventType, extras: z.ZodRawShape, drop: string[] = []): z.ZodObject {
  const option = RunEventSchema.options.find((o) => o.shape.type.safeParse(type).success)
  if (!option) throw new Error(`no event type ${type}`)
  const omit = Object.fromEntries(['t', ...drop].map((k) => [k, true as const]))
  return (option as unknown as z.ZodObject)
    .omit(omit as never)
    .extend({ type: z.literal(type), ns, ...extras })
}

type Ev<K extends RunEventType, Drop extends string = never> = Omit<EventOf<K>, 't' | Drop> & {
  type: K
  ns: number
}
type QueueOp = 'queue.put' | 'queue.get'

/** A checked line (the schema below checks exactly this). */
export type WireMessage =
  | { type: 'launcher'; ns: number; main?: number; pid?: number; error?: string }
  | { type: 'obj'; ns: number; kind: 'queue' | 'lock' | 'pipe'; ids: string[]; user: boolean }
  | { type: 'signal'; ns: number; pid: number; target: number; signum: number | null }
  | { type: 'coalesce'; ns: number; pid: number; budget: number; window_ms: number }
  | (Ev<'proc.spawn'> & { parent?: number; hello?: boolean; named?: boolean })
  | (Ev<'proc.exit', 'signal'> & { signum: number | null; by?: number })
  | { [K in QueueOp]: Ev<K, 'msg'> & { depth: number; n?: number } }[QueueOp]
  | Ev<'queue.wait'>
  | Ev<'queue.timeout'>
  | Ev<'lock.wait'>
  | (Ev<'lock.acquire'> & { n?: number })
  | (Ev<'lock.release'> & { n?: number })
  | Ev<'lock.timeout'>
  | (Ev<'task.queued', 'task'> & { key: string })
  | (Ev<'task.start', 'task'> & { key: string })
  | (Ev<'task.end', 'task'> & { key: string })
  | (Ev<'pipe.send'> & { n?: number })
  | (Ev<'pipe.recv'> & { n?: number })
  | Ev<'pipe.close'>
  | Ev<'stdout'>
  | Ev<'stderr'>

const noMsg = { msg: z.literal(0) }
/** How many events of one object a line stands for, past the process's budget (budget.py). */
const merged = { n: z.number().int().positive().optional() }

const wireUnion = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('launcher'),
    ns,
    main: pid.optional(),
    pid: pid.optional(),
    error: z.string().max(2000).optional()
  }),
  z.object({
    type: z.literal('obj'),
    ns,
    kind: z.enum(['queue', 'lock', 'pipe']),
    ids: z.array(rawId).min(1).max(4),
    user: z.boolean()
  }),
  z.object({ type: z.literal('signal'), ns, pid, target: z.number().int(), signum }),
  z.object({
    type: z.literal('coalesce'),
    ns,
    pid,
    budget: z.number().int().positive(),
    window_ms: z.number().int().positive()
  }),
  fromEvent('proc.spawn', {
    name: z.string().max(512),
    role: z.string().max(64),
    parent: pid.optional(),
    hello: z.boolean().optional(),
    named: z.boolean().optional()
  }),
  fromEvent('proc.exit', { signum, by: z.number().int().optional() }, ['signal']),
  fromEvent('queue.put', { queue: rawId, ...noMsg, depth: z.number().int(), ...merged }),
  fromEvent('queue.get', { queue: rawId, ...noMsg, depth: z.number().int(), ...merged }),
  fromEvent('queue.wait', { queue: rawId }),
  fromEvent('queue.timeout', { queue: rawId }),
  fromEvent('lock.wait', { lock: rawId }),
  fromEvent('lock.acquire', { lock: rawId, ...merged }),
  fromEvent('lock.release', { lock: rawId, ...merged }),
  fromEvent('lock.timeout', { lock: rawId }),
  fromEvent('task.queued', { key: z.string().max(64), name: z.string().max(512) }, ['task']),
  fromEvent('task.start', { key: z.string().max(64) }, ['task']),
  fromEvent('task.end', { key: z.string().max(64), error: z.string().max(4000).optional() }, [
    'task'
  ]),
  fromEvent('pipe.send', { pipe: rawId, ...merged }),
  fromEvent('pipe.recv', { pipe: rawId, ...merged }),
  fromEvent('pipe.close', { pipe: rawId }),
  fromEvent('stdout', { text: z.string().max(32_000) }),
  fromEvent('stderr', { text: z.string().max(32_000) })
])
export const WireSchema = wireUnion as unknown as z.ZodType<WireMessage>

/** The header of a connection that carries one process's stdout (fd 1) or stderr (fd 2). */
export const StreamHeaderSchema = z.strictObject({
  type: z.literal('stream'),
  fd: z.union([z.literal(1), z.literal(2)]),
  pid
})

type Check = (v: unknown) => boolean
const isInt: Check = (v) => Number.isSafeInteger(v)
const isNonNeg: Check = (v) => isInt(v) && (v as number) >= 0
const isPos: Check = (v) => isInt(v) && (v as number) > 0
const isId: Check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= 256
const isBool: Check = (v) => typeof v === 'boolean'
const isZero: Check = (v) => v === 0

/** A frequent message's fields (each with its check) and how many of them are required. */
interface HotSpec {
  fields: Map<string, { check: Check; required: boolean }>
  required: number
}

function hotSpec(required: Record<string, Check>, optional: Record<string, Check>): HotSpec {
  const all = { type: () => true, ns: isNonNeg, pid: isPos, ...required }
  const fields = new Map<string, { check: Check; required: boolean }>()
  for (const [k, check] of Object.entries(all)) fields.set(k, { check, required: true })
  for (const [k, check] of Object.entries({ ...optional, n: isPos }))
    fields.set(k, { check, required: false })
  return { fields, required: Object.keys(all).length }
}

/** The frequent messages, as WireSchema has them. Each line of a flood is one of these: checked
 *  here field by field, they skip the schema's walk (most of the host's time per line);
 *  anything else, or anything unusual in them, goes through WireSchema. */
const HOT = new Map<string, HotSpec>()
{
  const queue = { queue: isId, msg: isZero, depth: isInt }
  HOT.set('queue.put', hotSpec(queue, { blocked: isBool }))
  HOT.set('queue.get', hotSpec(queue, {}))
  for (const type of ['lock.acquire', 'lock.release'])
    HOT.set(type, hotSpec({ lock: isId }, { abandoned: isBool }))
  for (const type of ['pipe.send', 'pipe.recv'])
    HOT.set(type, hotSpec({ pipe: isId, bytes: isNonNeg }, { msg: isInt, count: isPos }))
}

/** `value` when it is a well-formed frequent message (WireSchema would accept it as it is),
 *  else undefined: then the schema decides. */
export function hotWire(value: unknown): WireMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const type = (value as { type?: unknown }).type
  const spec = typeof type === 'string' ? HOT.get(type) : undefined
  if (spec === undefined) return undefined
  let required = 0
  for (const key in value) {
    const field = spec.fields.get(key)
    if (field === undefined || !field.check((value as Record<string, unknown>)[key]))
      return undefined
    if (field.required) required++
  }
  return required === spec.required ? (value as WireMessage) : undefined
}

/** One line parsed and checked, or why it was refused. */
export function parseWire(
  line: string
): { ok: true; msg: WireMessage } | { ok: false; error: string } {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { ok: false, error: `not JSON: ${line.slice(0, 80)}` }
  }
  const hot = hotWire(value)
  if (hot) return { ok: true, msg: hot }
  const parsed = WireSchema.safeParse(value)
  return parsed.success
    ? { ok: true, msg: parsed.data }
    : { ok: false, error: describeZodError(parsed.error, 'line') }
}
