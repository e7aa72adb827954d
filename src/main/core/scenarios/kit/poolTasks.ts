// The task the pools of `pool-apply` and `pool-map` run.
// Children run tasks by name: child/tasks.ts merges these into its registry.
import { spin } from '../../child/taskApi'

export const poolTasks = {
  /** Pool tasks: x², after `busyMs` of CPU work. */
  square(x: number, busyMs = 0): number {
    if (busyMs > 0) spin(busyMs)
    return x * x
  }
}
