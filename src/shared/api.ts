// The one PoolScope API. The host implements it (PoolScopeService); every face carries it over
// the channel (src/shared/channel: the renderer's client, src/main/channel: the host's side),
// on Electron IPC or serve mode's WebSocket. Each command has a zod schema for its input;
// the host validates with it before acting.
import { z } from 'zod'
import type { EventBatch, RunKind, RunStatus, Verdict } from './events'
import { RunKindSchema, RunStatusSchema, VerdictSchema } from './events'
import type { CheckTexts } from './checkTexts'
import type { ScenarioSpec } from './scenarios'
import type { ConnectionState } from './channel/messages'
import type { CommandName } from './channel/names'
import { COMMAND_NAMES } from './channel/names'
import type { ProcessDetails, SignalOutcome, SystemSnapshot } from './system'
import { EXPLORER_SIGNALS } from './system'

export type { CommandName }
export { COMMAND_NAMES }
export type {
  ApiErrorCode,
  ApiErrorInfo,
  ChannelRequest,
  ChannelResponse,
  ConnectionState
} from './channel/messages'

export const TRACE_FORMATS = ['native', 'chrome', 'csv'] as const

/** Where a scenario runs: re-enacted on Node processes, or as its lesson in real CPython. */
export const RUNTIMES = ['node', 'cpython'] as const
export type Runtime = (typeof RUNTIMES)[number]
export type TraceFormat = (typeof TRACE_FORMATS)[number]

export const RunInfoSchema = z.object({
  id: z.string(),
  scenario: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  status: RunStatusSchema,
  /** Wall-clock start, ms since the epoch. */
  startedAt: z.number(),
  hostPid: z.number().int(),
  kind: RunKindSchema,
  /** True for a run opened from a trace file: it is replayed, nothing runs (kind 'replay'). */
  replay: z.boolean(),
  verdict: VerdictSchema.optional()
})
export interface RunInfo {
  id: string
  scenario: string
  params: Record<string, number | string>
  kind: RunKind
  status: RunStatus
  startedAt: number
  hostPid: number
  replay: boolean
  verdict?: Verdict
}

export interface ExportedTrace {
  fileName: string
  mime: string
  content: string
}

const runId = z.string().min(1).max(64)
const SIGNALS = ['SIGTERM', 'SIGKILL'] as const
/** Limit on a trace carried as text through a command (larger files go through the CLI). */
export const MAX_TRACE_CHARS = 64 * 1024 * 1024

/** Input schemas, one per command; `z.undefined()` for commands without input. */
export const commandInputs = {
  listScenarios: z.undefined(),
  /** The texts of every verdict check, by id, in each UI language (checks carry ids only). */
  checkTexts: z.undefined(),
  listRuns: z.undefined(),
  startRun: z.strictObject({
    scenario: z.string().min(1).max(64),
    params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
    /** 'node' (the default): the app's re-enactment; 'cpython': the lesson in real Python. */
    runtime: z.enum(RUNTIMES).optional()
  }),
  stopRun: z.strictObject({ runId }),
  killProcess: z.strictObject({ runId, pid: z.number().int().positive(), signal: z.enum(SIGNALS) }),
  exportRun: z.strictObject({ runId, format: z.enum(TRACE_FORMATS) }),
  openTrace: z.strictObject({
    fileName: z.string().min(1).max(1024),
    content: z.string().max(MAX_TRACE_CHARS)
  }),
  /** The machine's processes: answers with the first snapshot after `after` (a seq), when the
   *  host has taken it (1 Hz), so the caller re-asks at once and the host sets the pace. */
  systemSnapshot: z.strictObject({ after: z.number().int().nonnegative().optional() }).default({}),
  processDetails: z.strictObject({ pid: z.number().int().positive() }),
  signalProcess: z.strictObject({
    pid: z.number().int().positive(),
    signal: z.enum(EXPLORER_SIGNALS),
    /** The process and every descendant. */
    subtree: z.boolean().default(false)
  }),
  /** Watch a running process tree as a run of kind 'attach'. */
  attachProcess: z.strictObject({
    pid: z.number().int().positive(),
    timeoutMs: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 3600 * 1000)
      .optional()
  }),
  /** What this host can do for "Watch a Python program" (and the launcher's CPython runtime). */
  programSupport: z.undefined(),
  /** Start a Python program (a script, `-m module` or a bundled lesson) as a run of kind
   *  'program'. A lesson's arguments are its scenario's options (`--name value`). */
  watchProgram: z.strictObject({
    program: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('script'), path: z.string().min(1).max(4096) }),
      z.strictObject({ kind: z.literal('module'), name: z.string().min(1).max(256) }),
      z.strictObject({ kind: z.literal('lesson'), scenario: z.string().min(1).max(64) })
    ]),
    args: z.array(z.string().max(4096)).max(256).default([]),
    /** Default: the script's directory (the host's own for a module). */
    cwd: z.string().min(1).max(4096).optional(),
    /** The interpreter; default: the one programSupport names. */
    python: z.string().min(1).max(4096).optional()
  }),
  /** The host's own file dialog (Electron): the path picked, or null if cancelled. */
  pickPath: z.strictObject({ kind: z.enum(['file', 'directory']) })
} as const satisfies Record<CommandName, z.ZodType>

export type CommandInput<K extends CommandName> = z.input<(typeof commandInputs)[K]>

/** What each command answers. */
export interface CommandOutputs {
  listScenarios: ScenarioSpec[]
  checkTexts: CheckTexts
  listRuns: RunInfo[]
  startRun: RunInfo
  stopRun: RunInfo
  killProcess: { pid: number; signal: string }
  exportRun: ExportedTrace
  openTrace: RunInfo
  systemSnapshot: SystemSnapshot
  processDetails: ProcessDetails
  signalProcess: SignalOutcome[]
  attachProcess: RunInfo
  programSupport: ProgramSupport
  watchProgram: RunInfo
  pickPath: { path: string | null }
}

/** What a host says about starting Python programs (programSupport). */
export interface ProgramSupport {
  /** Why this host starts no programs (serve without --allow-programs, not Linux), or null. */
  refused: string | null
  /** The interpreter programs run on by default, or what was tried and why none fits. */
  python: { executable: string; version: string } | { error: string }
  /** Whether pickPath shows a file dialog (Electron); a browser types the path. */
  picker: boolean
  /** Scenarios with a bundled lesson in real Python. */
  lessons: string[]
}

export type BatchListener = (batch: EventBatch) => void
export type Unsubscribe = () => void

/** Where the renderer's connection to the host stands (serve mode can lose it). */
export interface ConnectionStatus {
  get(): ConnectionState
  onChange(listener: (state: ConnectionState) => void): Unsubscribe
}

/** The API as the renderer sees it (createApi over the face's port). */
export type PoolScopeApi = {
  [K in CommandName]: (
    ...args: CommandInput<K> extends undefined ? [] : [CommandInput<K>]
  ) => Promise<CommandOutputs[K]>
} & {
  /** Receives every run's event batches: first what the host recorded before, then live. */
  subscribe(listener: BatchListener): Unsubscribe
  connection: ConnectionStatus
}
