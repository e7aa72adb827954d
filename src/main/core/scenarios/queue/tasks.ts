// The `queue` scenario's child tasks: senders that put one greeting each.
// Children run tasks by name: child/tasks.ts merges these into its registry.
import type { QueueProxy } from '../../child/taskApi'
import { sleep, write } from '../../child/taskApi'

export const queueTasks = {
  /** `queue`: put one greeting on the queue. */
  async greet(queue: QueueProxy, n: number): Promise<string> {
    const text = `Hello World #${n}`
    await queue.put(text)
    return text
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
  }
}
