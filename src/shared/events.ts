// Run events: everything a user can watch. `t` is ms since the run started, on the host's
// monotonic clock (sub-ms). One zod schema per event so that every receiving side validates.
import { z } from 'zod'

const t = z.number().finite().nonnegative()
const pid = z.number().int().positive()

export const ErrorInfoSchema = z.object({
  name: z.string(),
  message: z.string(),
  stack: z.string().optional()
})
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>

export const RUN_STATUSES = ['running', 'stopping', 'finished', 'failed', 'stopped'] as const
export const RunStatusSchema = z.enum(RUN_STATUSES)
export type RunStatus = z.infer<typeof RunStatusSchema>

/** What a run is: a scenario on the app's own primitives, a trace opened again, a program
 *  started under PoolScope, or a process tree that was already running. */
export const RUN_KINDS = ['scenario', 'replay', 'program', 'attach'] as const
export const RunKindSchema = z.enum(RUN_KINDS)
export type RunKind = z.infer<typeof RunKindSchema>

export const CheckSchema = z.object({
  /** The English name: part of the CLI contract, and what tests match on. */
  name: z.string(),
  passed: z.boolean(),
  observed: z.string(),
  /** 'not-observed' and 'not-applicable' are honest non-failures (see SCENARIOS.md). */
  note: z.enum(['not-observed', 'not-applicable']).optional(),
  /** The name in each UI language (en = name). Optional: traces saved before it still open. */
  label: z.object({ ko: z.string(), en: z.string() }).optional()
})
export type Check = z.infer<typeof CheckSchema>
/** A check as scenarios make it: always labelled. */
export type LabelledCheck = Check & { label: NonNullable<Check['label']> }

export const VerdictSchema = z.object({ passed: z.boolean(), checks: z.array(CheckSchema) })
export type Verdict = z.infer<typeof VerdictSchema>

export const ProcSampleSchema = z.object({
  pid,
  /** Parent PID as the sampler read it (the host's own parent for the host's row). */
  ppid: z.number().int().nonnegative().optional(),
  /** % of one core over the last tick; null on a process's first tick ("no data yet"). */
  cpu: z.number().finite().nonnegative().nullable(),
  rss: z.number().finite().nonnegative()
})
export type ProcSample = z.infer<typeof ProcSampleSchema>

export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    t,
    type: z.literal('run.start'),
    scenario: z.string(),
    params: z.record(z.string(), z.unknown()),
    hostPid: pid
  }),
  z.object({
    t,
    type: z.literal('proc.spawn'),
    pid,
    ppid: z.number().int().nonnegative(),
    name: z.string(),
    role: z.string(),
    /** The logical (multiprocessing) parent where it differs from the OS parent `ppid`: a
     *  worker started through a forkserver is the forkserver's child. */
    parent: pid.optional()
  }),
  z.object({ t, type: z.literal('proc.ready'), pid }),
  z.object({
    t,
    type: z.literal('proc.exit'),
    pid,
    code: z.number().int().nullable(),
    signal: z.string().nullable()
  }),
  z.object({ t, type: z.literal('stdout'), pid, text: z.string() }),
  z.object({ t, type: z.literal('stderr'), pid, text: z.string() }),
  z.object({
    t,
    type: z.literal('queue.depth'),
    queue: z.string(),
    depth: z.number().int(),
    /** The queue's bound (given for bounded queues only; absent = unbounded). */
    maxsize: z.number().int().positive().optional()
  }),
  z.object({
    t,
    type: z.literal('queue.put'),
    queue: z.string(),
    pid,
    msg: z.number().int(),
    blocked: z.boolean().optional()
  }),
  z.object({ t, type: z.literal('queue.get'), queue: z.string(), pid, msg: z.number().int() }),
  /** A put on a full queue or a get on an empty one starts waiting; queue.put/get ends it. */
  z.object({
    t,
    type: z.enum(['queue.wait', 'queue.timeout']),
    queue: z.string(),
    pid,
    op: z.enum(['put', 'get'])
  }),
  z.object({ t, type: z.literal('task.queued'), task: z.number().int(), name: z.string() }),
  z.object({ t, type: z.literal('task.start'), task: z.number().int(), worker: pid }),
  z.object({
    t,
    type: z.literal('task.end'),
    task: z.number().int(),
    worker: pid,
    ok: z.boolean(),
    error: z.string().optional()
  }),
  z.object({
    t,
    // lock.timeout: a waiter gave up (acquire with a timeout).
    type: z.enum(['lock.wait', 'lock.acquire', 'lock.release', 'lock.timeout']),
    lock: z.string(),
    pid,
    abandoned: z.boolean().optional()
  }),
  z.object({
    t,
    type: z.enum(['pipe.send', 'pipe.recv']),
    pipe: z.string(),
    pid,
    bytes: z.number().int().nonnegative(),
    msg: z.number().int().optional(),
    /** One event for `count` messages sent in one go (ending with `msg`; `bytes` is their sum). */
    count: z.number().int().positive().optional()
  }),
  z.object({ t, type: z.literal('pipe.close'), pipe: z.string(), pid }),
  z.object({
    t,
    type: z.literal('sample'),
    cores: z.array(z.number().finite().nullable()),
    procs: z.array(ProcSampleSchema)
  }),
  z.object({
    t,
    type: z.literal('log'),
    level: z.enum(['info', 'warn', 'error']),
    text: z.string(),
    /** What the line is about, where the UI says it on the run as well (LOG_TOPICS). */
    topic: z.enum(['coalesced', 'uninstrumented']).optional()
  }),
  z.object({
    t,
    type: z.literal('run.end'),
    status: RunStatusSchema,
    hostPid: pid,
    result: z.unknown(),
    verdict: VerdictSchema,
    error: ErrorInfoSchema.optional()
  })
])
export type RunEvent = z.infer<typeof RunEventSchema>
export type RunEventType = RunEvent['type']
export type EventOf<K extends RunEventType> = Extract<RunEvent, { type: K }>
/** An event before the session stamps it with its time. */
export type UnstampedEvent = RunEvent extends infer E
  ? E extends { t: number }
    ? Omit<E, 't'>
    : never
  : never

/** Events all kept runs may hold together, by default: the host's budget (KeptRuns) and the
 *  page's (the renderer's store). */
export const DEFAULT_KEPT_EVENTS = 5_000_000

/** What the host pushes to subscribers: a run's events, batched, in order. */
export const EventBatchSchema = z.object({
  runId: z.string(),
  seq: z.number().int().nonnegative(),
  events: z.array(RunEventSchema),
  /** Events this subscriber missed because it fell behind (the recorder still has them). */
  dropped: z.number().int().nonnegative().optional(),
  /** The host let this run go (its memory budget): no batch of it follows; `events` is empty. */
  forgotten: z.literal(true).optional()
})
export type EventBatch = z.infer<typeof EventBatchSchema>
