// Children run at a lower scheduling priority than the host and the UI: a scenario that keeps
// every core busy must not starve the window that shows it (docs/measurements.md: the worst
// frame during pipe-vs-queue). Nice only matters under
// contention: on an idle core a child runs at full speed, and CPU figures stay real.
import { getPriority, setPriority } from 'node:os'

/** How much nicer than the host children are (0 = the host's own priority). */
export const DEFAULT_CHILD_NICE = 10
export const ENV_CHILD_NICE = 'POOLSCOPE_CHILD_NICE'

/** The niceness children get: POOLSCOPE_CHILD_NICE (0–19) or the default. */
export function childNice(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[ENV_CHILD_NICE]
  if (raw === undefined || raw === '') return DEFAULT_CHILD_NICE
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 19)
    throw new RangeError(`${ENV_CHILD_NICE} must be an integer from 0 to 19, got '${raw}'`)
  return n
}

/**
 * Lowers a just-forked child's priority by `nice` below the host's (19 at most). Called right
 * after the fork, before the child's runtime starts its threads, which inherit it. Where the
 * OS refuses, the child keeps the host's priority.
 */
export function lowerPriority(pid: number, nice: number): void {
  if (nice === 0) return
  try {
    setPriority(pid, Math.min(19, getPriority() + nice))
  } catch {
    // e.g. the child is already gone: its exit is reported by whoever owns it
  }
}
