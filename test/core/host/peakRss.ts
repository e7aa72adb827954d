// Test helper for load tests: samples this process's RSS (and, less often, how many of its
// tagged children are alive) while a workload runs, and reports the peaks.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { processesTaggedWith } from '../../../src/main/core/procfs'

export interface LoadFigures {
  ms: number
  baseRssMiB: number
  peakRssMiB: number
  /** Peak minus the RSS measured just before the workload started. */
  grewMiB: number
  /** Most children of this process alive at one time (by /proc, every ~100 ms). */
  peakChildren: number
}

const MiB = 2 ** 20

/** A full GC, so that garbage left by earlier tests in this worker is not counted as growth
 *  (Node's --expose-gc, switched on for this call only). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
  setFlagsFromString('--no-expose-gc')
}

/** Runs `work` while sampling; every 20 ms for RSS, every 100 ms for the /proc child count. */
export async function measureLoad<T>(
  work: () => Promise<T>
): Promise<{ value: T; figures: LoadFigures }> {
  collectGarbage()
  const base = process.memoryUsage().rss
  let peak = base
  let peakChildren = 0
  let ticks = 0
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
    if (ticks++ % 5 === 0) {
      peakChildren = Math.max(peakChildren, processesTaggedWith(process.pid).length)
    }
  }, 20)
  const t0 = performance.now()
  try {
    const value = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    const figures: LoadFigures = {
      ms: Math.round(performance.now() - t0),
      baseRssMiB: Math.round(base / MiB),
      peakRssMiB: Math.round(peak / MiB),
      grewMiB: Math.round((peak - base) / MiB),
      peakChildren
    }
    return { value, figures }
  } finally {
    clearInterval(timer)
  }
}
