// The `pipe-vs-queue` scenario's child tasks: the two ends of a stream through a Queue and through a Pipe.
// Children run tasks by name: child/tasks.ts merges these into its registry.
import type { PipeProxy, QueueProxy } from '../../child/taskApi'

export const pipeVsQueueTasks = {
  /** Puts `count` messages of about `bytes` characters (streams, pipe-vs-queue). */
  async putMany(queue: QueueProxy, count: number, bytes = 16): Promise<number> {
    const pad = 'x'.repeat(Math.max(0, bytes))
    for (let i = 0; i < count; i++) await queue.put(pad)
    return count
  },
  /** Gets `count` items from the queue (a consumer of a stream); returns how many it got. */
  async takeMany(queue: QueueProxy, count: number): Promise<number> {
    for (let i = 0; i < count; i++) await queue.get()
    return count
  },
  /** Sends `count` messages of about `bytes` characters, then closes (streams). */
  async pipeSendMany(conn: PipeProxy, count: number, bytes = 16): Promise<number> {
    const pad = 'x'.repeat(Math.max(0, bytes))
    for (let i = 0; i < count; i++) await conn.send(pad)
    conn.close()
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
  }
}
