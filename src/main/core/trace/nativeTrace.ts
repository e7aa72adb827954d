// The native trace format: write a run as a versioned document, open one back as a replay run.
import { cpus, hostname, release, platform } from 'node:os'
import type { RunInfo } from '../../../shared/api'
import type { RunEvent, RunStatus, Verdict } from '../../../shared/events'
import type { NativeTrace, TraceMeta } from '../../../shared/trace'
import { NativeTraceSchema, TRACE_FORMAT, TRACE_VERSION } from '../../../shared/trace'
import { describeZodError } from '../../../shared/validation'
import { version as appVersion } from '../../../../package.json'

/** What a trace needs from a run, live or replayed. */
export interface TraceableRun {
  id: string
  status: RunStatus
  verdict: Verdict | undefined
  events: readonly RunEvent[]
  info(): RunInfo
}

export function toNativeTrace(run: TraceableRun): NativeTrace {
  const info = run.info()
  const cpuList = cpus()
  const meta: TraceMeta = {
    scenario: info.scenario,
    params: info.params,
    hostPid: info.hostPid,
    startedAt: info.startedAt,
    host: hostname(),
    os: `${platform()} ${release()}`,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cores: Math.max(1, cpuList.length),
    appVersion
  }
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    meta,
    status: run.status,
    ...(run.verdict ? { verdict: run.verdict } : {}),
    events: [...run.events]
  }
}

/** A run restored from a trace file: nothing runs, its views replay the recorded events. */
export class ReplayRun implements TraceableRun {
  readonly status: RunStatus
  readonly verdict: Verdict | undefined
  readonly events: readonly RunEvent[]

  constructor(
    readonly id: string,
    readonly trace: NativeTrace
  ) {
    this.status = trace.status
    this.verdict = trace.verdict
    this.events = trace.events
  }

  info(): RunInfo {
    const { meta } = this.trace
    return {
      id: this.id,
      scenario: meta.scenario,
      params: meta.params,
      status: this.status,
      startedAt: meta.startedAt,
      hostPid: meta.hostPid,
      replay: true,
      verdict: this.verdict
    }
  }
}

/** Parses and validates a native trace; errors name what is wrong. */
export function openNativeTrace(id: string, content: string): ReplayRun {
  let doc: unknown
  try {
    doc = JSON.parse(content)
  } catch (err) {
    throw new Error(`not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    (doc as { format?: unknown }).format !== TRACE_FORMAT
  ) {
    throw new Error(`not a PoolScope trace (expected "format": "${TRACE_FORMAT}")`)
  }
  const version = (doc as { version?: unknown }).version
  if (version !== TRACE_VERSION) {
    throw new Error(
      `unsupported trace version ${JSON.stringify(version)} (this app reads version ${TRACE_VERSION})`
    )
  }
  const parsed = NativeTraceSchema.safeParse(doc)
  if (!parsed.success) throw new Error(describeZodError(parsed.error, 'trace'))
  return new ReplayRun(id, parsed.data)
}
