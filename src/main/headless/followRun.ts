// What `run` and `watch` share: print a run's events as they come (plain or JSON lines), stop
// it on SIGINT/SIGTERM, write its trace, and turn its outcome into the exit status.
// Exit status: 0 ok (verdict passed, or inconclusive: a check this machine could not show is
// stated in the output, not a failure), 1 verdict failed, 2 bad argument, 3 run failed (or its
// trace could not be written), 128 + N interrupted by signal N (130 SIGINT, 143 SIGTERM).
import type { RunEvent } from '../../shared/events'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { ShutdownCoordinator, signalExitCode } from '../core/host/ShutdownCoordinator'
import type { RunHandle } from '../core/session/RunHandle'
import { toNativeTrace } from '../core/trace/nativeTrace'
import type { TraceTarget } from '../core/trace/traceTarget'
import { writeTrace } from '../core/trace/writeTrace'
import { plainPrinter, withCheckWords } from './formatEvent'

export const EXIT = { ok: 0, verdictFailed: 1, badArgument: 2, runFailed: 3 } as const

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ')
}

/** Writes the trace; a failure is reported on stderr and leaves no file behind. */
export async function saveTrace(
  trace: ReturnType<typeof toNativeTrace>,
  target: TraceTarget,
  announce: boolean,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream
): Promise<number> {
  try {
    const paths = await writeTrace(trace, target.format, target.path)
    if (announce) out.write(`trace (${target.format}) written: ${paths.join(', ')}\n`)
    return EXIT.ok
  } catch (e) {
    err.write(`poolscope: ${oneLine(e instanceof Error ? e.message : String(e))}\n`)
    return EXIT.runFailed
  }
}

export interface FollowOptions {
  json: boolean
  target: TraceTarget | undefined
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
}

/** Prints `run` until it ends, then shuts the service down; the exit status. */
export async function followRun(
  service: PoolScopeService,
  run: RunHandle,
  { json, target, out, err }: FollowOptions
): Promise<number> {
  const plain = plainPrinter()
  const print = (e: RunEvent): void => {
    const line = json ? JSON.stringify(withCheckWords(e)) : plain(e)
    if (line !== null) out.write(line + '\n')
  }
  const unsubscribe = service.subscribe((batch) => batch.events.forEach(print))
  // The face's signals: Ctrl-C or SIGTERM stops the run, and its trace is still written below
  // (liveChildren's hook stands back while this listens, though the run forked first).
  const shutdown = new ShutdownCoordinator().add(() => run.stop())
  try {
    await run.done
    await service.shutdown()
    unsubscribe()
    // Stopped and failed runs are written too: they are often the ones worth keeping.
    if (target && (await saveTrace(toNativeTrace(run), target, !json, out, err)) !== EXIT.ok) {
      return EXIT.runFailed
    }
    if (shutdown.signal) return signalExitCode(shutdown.signal)
    if (run.status !== 'finished') return EXIT.runFailed
    return run.verdict?.outcome === 'failed' ? EXIT.verdictFailed : EXIT.ok
  } finally {
    shutdown.dispose()
  }
}
