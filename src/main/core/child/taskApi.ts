// What a task can use besides its arguments (see the top of tasks.ts for how tasks use it).
import { notify } from './runtime'

export type { LockProxy, PipeProxy, QueueProxy, TimeoutOption } from './handles'

/**
 * Writes output as this process's stdout. It travels on the host channel, so the host sees it
 * in order with this child's lock, queue and pipe messages (a write before release() is
 * recorded before the release) and stamps it with the host's clock.
 */
export function write(text: string): void {
  notify({ type: 'out', text })
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Keeps this thread's core busy for `ms` of wall time; returns how many spins that took. */
export function spin(ms: number): number {
  let spins = 0
  for (const end = performance.now() + ms; performance.now() < end;) spins++
  return spins
}
