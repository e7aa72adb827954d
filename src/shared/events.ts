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

/** A figure a check observed, as its texts show it (a list is joined with ", "; null = unknown). */
export const CheckValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.number(), z.string()]))
])
export type CheckValue = z.infer<typeof CheckValueSchema>
export const CheckValuesSchema = z.record(z.string(), CheckValueSchema)
export type CheckValues = z.infer<typeof CheckValuesSchema>

/** inconclusive: what the check looks for could not be observed in this run on this machine
 *  (never counted as passed); the check then says why (`reason`). */
export const CHECK_OUTCOMES = ['passed', 'failed', 'inconclusive'] as const
export const CheckOutcomeSchema = z.enum(CHECK_OUTCOMES)
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>

/** One thing a check saw: the id of its text (in the check texts, one per UI language) and the
 *  figures that text shows, over the check's own `values`. */
export const SeenSchema = z.object({ text: z.string(), values: CheckValuesSchema.optional() })
export type Seen = z.infer<typeof SeenSchema>

const LabelSchema = z.object({ ko: z.string(), en: z.string() })

/** A check as the trace holds it: an id and what it observed as figures. Its texts, in every UI
 *  language, live in the check texts (each scenario folder's texts.ts, served by the API's
 *  checkTexts), never in the trace. */
const IdCheckSchema = z
  .object({
    /** Stable, e.g. 'queue.left': what tests match on, and the key of its name's text. */
    id: z.string(),
    outcome: CheckOutcomeSchema,
    /** The figures its name and what it saw show (e.g. n, pids, ms). */
    values: CheckValuesSchema,
    seen: z.array(SeenSchema),
    /** Why it is inconclusive (required then). */
    reason: SeenSchema.optional(),
    /** 'not-observed' and 'not-applicable' are honest non-failures of a passed check. */
    note: z.enum(['not-observed', 'not-applicable']).optional(),
    /** Texts carried by the check itself: an old trace's (its English name and observation,
     *  and its label in each UI language), or the CLI's English rendering. */
    name: z.string().optional(),
    observed: z.string().optional(),
    label: LabelSchema.optional()
  })
  .refine((c) => c.outcome !== 'inconclusive' || c.reason !== undefined, {
    message: 'an inconclusive check says why (reason)',
    path: ['reason']
  })

/** A check as traces saved before check ids hold it: texts, no id; it still opens. */
const LabelledCheckSchema = z
  .object({
    name: z.string(),
    passed: z.boolean(),
    observed: z.string(),
    note: z.enum(['not-observed', 'not-applicable']).optional(),
    label: LabelSchema.optional()
  })
  .transform(({ name, passed, observed, note, label }) => ({
    id: `legacy:${name}`,
    outcome: passed ? ('passed' as const) : ('failed' as const),
    values: {},
    seen: [],
    ...(note ? { note } : {}),
    name,
    observed,
    ...(label ? { label } : {})
  }))

export const CheckSchema = z.union([IdCheckSchema, LabelledCheckSchema])
export type Check = z.infer<typeof IdCheckSchema>

/** passed: every check passed; failed: one failed; else inconclusive. `passed` is kept as
 *  `outcome === 'passed'` (traces before outcomes have only it). */
export const VerdictSchema = z
  .object({
    passed: z.boolean(),
    outcome: CheckOutcomeSchema.optional(),
    checks: z.array(CheckSchema)
  })
  .transform((v): Verdict => ({
    passed: v.passed,
    outcome: v.outcome ?? (v.passed ? 'passed' : 'failed'),
    checks: v.checks
  }))
export interface Verdict {
  passed: boolean
  outcome: CheckOutcome
  checks: Check[]
}

/** The verdict of these checks (none: passed). */
export function verdictOf(checks: Check[]): Verdict {
  const outcome: CheckOutcome = checks.some((c) => c.outcome === 'failed')
    ? 'failed'
    : checks.some((c) => c.outcome === 'inconclusive')
      ? 'inconclusive'
      : 'passed'
  return { passed: outcome === 'passed', outcome, checks }
}

/** The verdict of a run that did not finish: nothing was judged. */
export const NOT_JUDGED: Verdict = { passed: false, outcome: 'failed', checks: [] }

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
/** An event as a trace file or message holds it, before the schema reads it (old shapes too). */
export type RecordedEvent = z.input<typeof RunEventSchema>
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
