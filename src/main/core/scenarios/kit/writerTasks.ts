// The child task of the writers of `mix` and `lock` (kit/writers.ts).
// Children run tasks by name: child/tasks.ts merges these into its registry.
import type { LockProxy } from '../../child/taskApi'
import { sleep, write } from '../../child/taskApi'

export const writerTasks = {
  /**
   * `mix` / `lock`: writes one line in `pieces` pieces with random pauses up to `jitterMs`,
   * holding `lock` around the whole line when one is given.
   */
  async printLine(index: number, pieces: number, jitterMs: number, lock?: LockProxy | null) {
    if (lock) await lock.acquire()
    try {
      const words = `process #${index} (pid ${process.pid}) writes its line`.split(' ')
      const per = Math.ceil(words.length / Math.max(1, pieces))
      for (let i = 0; i < words.length; i += per) {
        const last = i + per >= words.length
        write(words.slice(i, i + per).join(' ') + (last ? '\n' : ' '))
        if (!last) await sleep(Math.random() * jitterMs)
      }
    } finally {
      lock?.release()
    }
    return process.pid
  }
}
