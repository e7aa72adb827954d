// One unit of work the pool sends to a worker: an apply, or a chunk of a map.
export interface PoolTask {
  /** Unique in this host: task events of several pools in one run do not collide. */
  readonly id: number
  readonly task: string
  /** apply: the arguments; map chunk: [items, ...extra args]. */
  readonly args: unknown[]
  readonly map: boolean
  /** What the timeline shows: `square` or `square[4..7]`. */
  readonly label: string
  settle(err: Error | undefined, value: unknown): void
  /** Host time (performance.now) the worker began it; set when it is at the head of a worker. */
  startedAt?: number
  timer?: NodeJS.Timeout
}

let nextTaskId = 1

export function newTaskId(): number {
  return nextTaskId++
}
