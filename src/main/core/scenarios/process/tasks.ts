// The `process` scenario's child task (the tutorial's sample_process target).
// Children run tasks by name: child/tasks.ts merges these into its registry.
import { write } from '../../child/taskApi'

export const processTasks = {
  /** `process`: print index, PID and parent PID (the tutorial's sample_process). */
  whoami(index: number): { index: number; pid: number; ppid: number } {
    write(`process #${index}: pid ${process.pid}, parent pid ${process.ppid}\n`)
    return { index, pid: process.pid, ppid: process.ppid }
  }
}
