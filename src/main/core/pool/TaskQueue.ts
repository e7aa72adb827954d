// The pool's queue of tasks waiting for a worker, behind a small interface so that another
// policy (priorities, fairness between runs) can replace the FIFO and be benchmarked
// (piscina's task_queue/).
import { Deque } from '../primitives/Deque'
import type { PoolTask } from './PoolTask'

export interface TaskQueue {
  readonly length: number
  push(task: PoolTask): void
  /** Puts a task back in front (it was sent to a worker that died before starting it). */
  unshift(task: PoolTask): void
  shift(): PoolTask | undefined
  /** Removes and returns every task, in order. */
  drain(): PoolTask[]
}

export function fifoTaskQueue(): TaskQueue {
  return new Deque<PoolTask>()
}
