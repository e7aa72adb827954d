// The `pipe` scenario's child tasks: a sender and a receiver at the two ends of one Pipe.
// Children run tasks by name: child/tasks.ts merges these into its registry.
import type { PipeProxy } from '../../child/taskApi'
import { sleep, write } from '../../child/taskApi'

export const pipeTasks = {
  /** `pipe`: send `message` `count` times, then close this end. */
  async pipeSend(conn: PipeProxy, message: unknown, count = 1, close = true): Promise<number> {
    for (let i = 0; i < count; i++) await conn.send(message)
    if (close) conn.close()
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
  },
  /** `pipe`: receive until the other end closes (or `max` messages), printing each. */
  async pipeRecv(conn: PipeProxy, max = Infinity, print = true): Promise<unknown[]> {
    const got: unknown[] = []
    while (got.length < max) {
      let m: unknown
      try {
        m = await conn.recv()
      } catch (err) {
        if ((err as Error).name === 'EOFError') break
        throw err
      }
      if (print) write(`received: ${typeof m === 'string' ? m : JSON.stringify(m)}\n`)
      got.push(m)
    }
    return got
  }
}
