// Tasks of the tutorial scenarios (src/main/core/scenarios) that tasks.ts does not have; merged
// into the registry there. See the top of tasks.ts for how tasks get queue/lock/pipe proxies.
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import type { PipeProxy, QueueProxy } from './taskApi'
import { sleep, write } from './taskApi'
import { tasks } from './tasks'

type AnyTask = (...args: unknown[]) => unknown

function runTask(name: string, args: unknown[]): unknown {
  // Looked up at call time: tasks.ts spreads this module into its registry.
  if (!Object.hasOwn(tasks, name)) throw new Error(`unknown task '${name}'`)
  return (tasks[name] as AnyTask)(...args)
}

/** A fixed amount of CPU work: `units` steps of a small LCG (self-contained: threads eval it). */
function crunch(units: number): number {
  let x = 1
  for (let i = 0; i < units; i++) x = (x * 1103515245 + 12345) % 2147483648
  return x
}

const CALIBRATE_CHUNK = 20_000

export const scenarioTasks = {
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
  },
  /** Waits for a token on `go` (a start gate the host opens for everyone at once), then runs
   *  `task(...args)`: children forked one after another start their work together. */
  async gated(go: QueueProxy, task: string, ...args: unknown[]): Promise<unknown> {
    await go.get()
    return runTask(task, args)
  },
  /** Runs `task(...args)`, then stays alive `holdMs` (children that live for different times). */
  async lingering(holdMs: number, task: string, ...args: unknown[]): Promise<unknown> {
    const result = await runTask(task, args)
    if (holdMs > 0) await sleep(holdMs)
    return result
  },
  /** `queue`: puts one greeting after `delayMs`; if the queue is closed while this sender waits
   *  on a full queue, it says so and gives up instead of hanging (Python would hang). */
  async greetOrGiveUp(queue: QueueProxy, n: number, delayMs = 0): Promise<string | null> {
    if (delayMs > 0) await sleep(delayMs)
    const text = `Hello World #${n}`
    try {
      await queue.put(text)
      return text
    } catch (err) {
      if ((err as Error).name !== 'ValueError') throw err
      write(`sender #${n}: the queue was closed while I waited to put; giving up\n`)
      return null
    }
  },
  /** Gets `count` items from the queue (a consumer of a stream); returns how many it got. */
  async takeMany(queue: QueueProxy, count: number): Promise<number> {
    for (let i = 0; i < count; i++) await queue.get()
    return count
  },
  /** Receives until the other end closes (or `max` messages); returns how many, without
   *  keeping them (a stream of many messages). */
  async pipeCount(conn: PipeProxy, max = Infinity): Promise<number> {
    let n = 0
    while (n < max) {
      try {
        await conn.recv()
      } catch (err) {
        if ((err as Error).name === 'EOFError') break
        throw err
      }
      n++
    }
    return n
  },
  /** `pipe` in slow motion: waits `gapMs` before each send, then closes this end. */
  async pipeSendSlowly(
    conn: PipeProxy,
    message: unknown,
    count: number,
    gapMs: number
  ): Promise<number> {
    for (let i = 0; i < count; i++) {
      await sleep(gapMs)
      await conn.send(message)
    }
    conn.close()
    return count
  }
}
