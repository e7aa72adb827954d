// Test helpers for fault and stress tests on real runs: wait for a run's own events, check its
// processes are all gone, and read back what its exports recorded.
import { expect } from 'vitest'
import type { RunEvent } from '../../../src/shared/events'
import { RunEventSchema } from '../../../src/shared/events'
import { isAlive } from '../../../src/main/core/procfs'
import type { Run } from '../../../src/main/core/session/Run'
import { checkChromeTrace } from '../../../src/main/core/trace/checkChromeTrace'
import { openNativeTrace } from '../../../src/main/core/trace/parseNativeTrace'
import type { PoolScopeService } from '../../../src/main/core/host/PoolScopeService'

/** Resolves with the first recorded event of `run` that satisfies `pred` (the record is
 *  watched, not slept on: it resolves within a few ms of the event). */
export async function waitForEvent<E extends RunEvent = RunEvent>(
  run: Run,
  pred: (e: RunEvent) => boolean,
  timeoutMs = 20_000
): Promise<E> {
  const until = performance.now() + timeoutMs
  for (let i = 0; ;) {
    for (; i < run.events.length; i++) if (pred(run.events.at(i)!)) return run.events.at(i)! as E
    if (run.status !== 'running' && run.events.at(-1)?.type === 'run.end') {
      throw new Error(`run ${run.id} ended (${run.status}) before the awaited event`)
    }
    if (performance.now() > until) throw new Error(`no awaited event within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 2))
  }
}

/** Every process the run spawned has its exit recorded and is gone from /proc. */
export function expectNothingLeft(run: Run): void {
  const spawned = run.events.slice().flatMap((e) => (e.type === 'proc.spawn' ? [e.pid] : []))
  const exited = new Set(run.events.slice().flatMap((e) => (e.type === 'proc.exit' ? [e.pid] : [])))
  expect(
    spawned.filter((p) => !exited.has(p)),
    'spawned without a recorded exit'
  ).toEqual([])
  expect(spawned.filter(isAlive), 'still alive').toEqual([])
  expect(run.livePids()).toEqual([])
}

interface ChromeEv {
  name?: string
  ph?: string
  pid?: number
  args?: Record<string, unknown>
}

/** Exports the ended run as native and Chrome JSON through the API; returns what each holds. */
export async function exportBoth(
  service: PoolScopeService,
  run: Run
): Promise<{ native: readonly RunEvent[]; chrome: ChromeEv[] }> {
  const native = await service.call('exportRun', { runId: run.id, format: 'native' })
  const chrome = await service.call('exportRun', { runId: run.id, format: 'chrome' })
  expect(checkChromeTrace(chrome.content)).toEqual([])
  const replay = openNativeTrace('replay', native.content)
  for (const e of replay.events) RunEventSchema.parse(e)
  return {
    native: [...replay.events],
    chrome: (JSON.parse(chrome.content) as { traceEvents: ChromeEv[] }).traceEvents
  }
}

/** The Chrome trace's exit instant of `pid`, with its args (code, signal). */
export function chromeExit(chrome: ChromeEv[], pid: number): ChromeEv | undefined {
  return chrome.find((e) => e.ph === 'i' && e.name === 'exit' && e.pid === pid)
}
