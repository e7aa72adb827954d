// Tasks of the tutorial scenarios (src/main/core/scenarios) that tasks.ts does not have; merged
// into the registry there. See the top of tasks.ts for how tasks get queue/lock/pipe proxies.
import type { PipeProxy, QueueProxy } from './taskApi'
import { sleep, write } from './taskApi'
import { tasks } from './tasks'

type AnyTask = (...args: unknown[]) => unknown

function runTask(name: string, args: unknown[]): unknown {
  // Looked up at call time: tasks.ts spreads this module into its registry.
  if (!Object.hasOwn(tasks, name)) throw new Error(`unknown task '${name}'`)
  return (tasks[name] as AnyTask)(...args)
}

export const scenarioTasks = {
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
