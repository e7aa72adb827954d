// The `gil` scenario's child tasks: a fixed amount of CPU work, run in this process, interleaved
// on its event loop, or on worker_threads. Children run tasks by name: child/tasks.ts merges
// these into its registry.
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'

/** A fixed amount of CPU work: `units` steps of a small LCG (self-contained: threads eval it). */
function crunch(units: number): number {
  let x = 1
  for (let i = 0; i < units; i++) x = (x * 1103515245 + 12345) % 2147483648
  return x
}

const CALIBRATE_CHUNK = 20_000

export const gilTasks = {
  /** `gil`: crunch units per ms on this machine now, the best of `rounds` rounds of `ms`. A
   *  fixed amount of work (not a wall-clock spin) makes the phases' wall times comparable. */
  calibrateCrunch(ms = 100, rounds = 3): number {
    let best = 0
    for (let r = 0; r < rounds; r++) {
      let units = 0
      const t0 = performance.now()
      while (performance.now() - t0 < ms) units += (crunch(CALIBRATE_CHUNK), CALIBRATE_CHUNK)
      best = Math.max(best, units / (performance.now() - t0))
    }
    return best
  },
  /** `gil` (b): `units` of CPU work in this process; returns its wall ms. */
  crunch(units: number): number {
    const t0 = performance.now()
    crunch(units)
    return performance.now() - t0
  },
  /** `gil` (a): `n` jobs of `units` taking turns on this one event loop (slices of
   *  `sliceUnits`); one runs at a time, like Python threads under the GIL. Wall ms. */
  async crunchInterleaved(n: number, units: number, sliceUnits: number): Promise<number> {
    const t0 = performance.now()
    const slice = Math.max(1, Math.floor(sliceUnits))
    const job = async (): Promise<void> => {
      for (let done = 0; done < units; done += slice) {
        crunch(Math.min(slice, units - done))
        await new Promise((r) => setImmediate(r))
      }
    }
    await Promise.all(Array.from({ length: n }, job))
    return performance.now() - t0
  },
  /** `gil` (c): `n` worker_threads in this process, each `units` of work. Wall ms. */
  async crunchThreads(n: number, units: number): Promise<number> {
    const t0 = performance.now()
    const code = `${crunch.toString()}; ${crunch.name}(${Math.floor(units)})`
    await Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise((resolve, reject) => {
            new Worker(code, { eval: true }).once('exit', resolve).once('error', reject)
          })
      )
    )
    return performance.now() - t0
  }
}
