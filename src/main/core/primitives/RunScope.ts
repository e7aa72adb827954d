// The primitives a run creates, bound to its event sink, so that they can all be ended with it:
// pools terminated, pipes and queues closed (a stopped run leaves no worker behind).
import type { EventSink } from '../eventSink'
import type { PoolOptions } from '../pool/ProcessPool'
import { ProcessPool } from '../pool/ProcessPool'
import { Lock } from './Lock'
import type { PipeEnd, PipeOptions } from './Pipe'
import { openPipe } from './Pipe'
import type { QueueOptions } from './Queue'
import { Queue } from './Queue'

export class RunScope {
  private readonly pools = new Set<ProcessPool>()
  private readonly queues = new Set<Queue>()
  private readonly pipes = new Set<PipeEnd>()
  private ended = false

  constructor(private readonly sink: EventSink) {}

  queue(opts: Omit<QueueOptions, 'sink'> = {}): Queue {
    this.checkOpen()
    const q = new Queue({ ...opts, sink: this.sink })
    this.queues.add(q)
    return q
  }

  lock(name?: string): Lock {
    this.checkOpen()
    return new Lock({ name, sink: this.sink })
  }

  async pipe(opts: Omit<PipeOptions, 'sink'> = {}): Promise<[PipeEnd, PipeEnd]> {
    this.checkOpen()
    const ends = await openPipe({ ...opts, sink: this.sink })
    ends.forEach((e) => this.pipes.add(e))
    if (this.ended) ends.forEach((e) => e.close())
    return ends
  }

  pool(opts: Omit<PoolOptions, 'sink'>): ProcessPool {
    this.checkOpen()
    const p = new ProcessPool({ ...opts, sink: this.sink })
    this.pools.add(p)
    return p
  }

  /** PIDs of the live pool workers (the run's own processes are the run's to list). */
  workerPids(): number[] {
    return [...this.pools].flatMap((p) => p.pids())
  }

  /** Signals a pool worker of this run; false if no live worker has that PID. */
  killWorker(pid: number, signal: NodeJS.Signals): boolean {
    return [...this.pools].some((p) => p.killWorker(pid, signal))
  }

  /** Ends everything: pools are terminated (like CPython's at exit), pipes and queues closed. */
  async dispose(): Promise<void> {
    this.ended = true
    this.queues.forEach((q) => q.close())
    this.pipes.forEach((e) => e.close())
    await Promise.all([...this.pools].map((p) => p.terminate()))
  }

  private checkOpen(): void {
    if (this.ended) throw new Error('run stopped')
  }
}

/** The scope's factories as ScenarioContext methods. */
export function bindScope(scope: RunScope): Pick<RunScope, 'queue' | 'lock' | 'pipe' | 'pool'> {
  return {
    queue: (opts) => scope.queue(opts),
    lock: (name) => scope.lock(name),
    pipe: (opts) => scope.pipe(opts),
    pool: (opts) => scope.pool(opts)
  }
}
