// One worker process of a ProcessPool. The pool may send it a few tasks ahead (its window) so
// that short tasks do not each wait a round trip; the worker runs them one at a time, in
// order, so the task at the head is the one running: it started when the previous result
// came back (or when it was sent to an idle worker).
import { performance } from 'node:perf_hooks'
import type { EventSink } from '../eventSink'
import { lineWithPacked, packNumbers } from '../child/packedNumbers'
import type { HostMessage } from '../protocol'
import { fromErrorInfo, namedError } from '../protocol'
import { ChildLink } from '../primitives/ChildLink'
import type { TaskMessage } from '../primitives/ChildLink'
import { Deque } from '../primitives/Deque'
import { encodeArgs } from '../primitives/shareable'
import type { PoolTask } from './PoolTask'

/** Keep about this much work (ms) in flight per worker, within [1, MAX_WINDOW] tasks. */
const AHEAD_MS = 2
const MAX_WINDOW = 256

export interface PoolWorkerHooks {
  sink: EventSink
  taskTimeoutMs?: number
  /** A task ended (ok or not): the worker may take more. */
  onFree(w: PoolWorker): void
}

export class PoolWorker {
  readonly link: ChildLink
  readonly inflight = new Deque<PoolTask>()
  private outbox: PoolTask[] = []
  /** Tasks sent to this worker so far (maxTasksPerChild counts these). */
  assigned = 0
  /** Set when the pool asked it to exit (close, maxTasksPerChild): its exit is no crash. */
  retiring = false
  private avgMs: number | undefined
  private timedOut: PoolTask | undefined

  constructor(
    name: string,
    private readonly hooks: PoolWorkerHooks
  ) {
    this.link = new ChildLink({
      name,
      role: 'worker',
      sink: hooks.sink,
      onTask: (m) => this.onTask(m)
    })
  }

  get pid(): number | undefined {
    return this.link.pid
  }

  /** How many tasks it may hold: enough to cover AHEAD_MS of its recent task time. */
  window(): number {
    if (this.avgMs === undefined) return 1
    return Math.max(1, Math.min(MAX_WINDOW, Math.floor(AHEAD_MS / Math.max(this.avgMs, 0.001))))
  }

  /** Takes a task; it goes out with the others of this dispatch at send(). */
  assign(task: PoolTask): void {
    this.assigned++
    this.inflight.push(task)
    this.outbox.push(task)
    if (this.inflight.length === 1) this.start(task)
  }

  /**
   * Sends what assign() took: runs of the same task go as one batch message; a map chunk of
   * plain numbers goes on its own, packed (child/packedNumbers.ts).
   */
  send(): void {
    const out = this.outbox
    this.outbox = []
    for (let i = 0; i < out.length;) {
      const first = out[i]!
      if (first.map && this.sendPacked(first)) {
        i++
        continue
      }
      let j = i + 1
      while (j < out.length && out[j]!.task === first.task && out[j]!.map === first.map) j++
      const map = first.map ? { map: true } : {}
      if (j - i === 1) {
        const args = encodeArgs(first.args, this.link)
        this.link.send({ type: 'run', id: first.id, task: first.task, args, ...map })
      } else {
        const group = out.slice(i, j)
        this.link.send({
          type: 'batch',
          task: first.task,
          ids: group.map((t) => t.id),
          args: group.map((t) => encodeArgs(t.args, this.link)),
          ...map
        })
      }
      i = j
    }
  }

  /** A map chunk whose items are all plain numbers goes packed; false if they are not. */
  private sendPacked(t: PoolTask): boolean {
    const p = packNumbers(t.args[0] as unknown[])
    if (!p) return false
    // args[0], the items, follows the JSON (lineWithPacked); null holds its place.
    const args = [null, ...encodeArgs(t.args.slice(1), this.link)]
    const msg: HostMessage = {
      type: 'run',
      id: t.id,
      task: t.task,
      args,
      map: true,
      packed: p.packed
    }
    this.link.sendLine(lineWithPacked(JSON.stringify(msg), p.data))
    return true
  }

  retire(): void {
    this.retiring = true
    this.link.send({ type: 'exit' })
  }

  /** Called once the process is gone: the running task fails, the others go back. */
  takeBack(
    code: number | null,
    signal: string | null
  ): { failed?: PoolTask; unstarted: PoolTask[] } {
    const failed = this.inflight.shift()
    const unstarted = this.inflight.drain()
    if (!failed) return { unstarted }
    if (failed.timer) clearTimeout(failed.timer)
    const err =
      this.timedOut === failed
        ? namedError(
            'TimeoutError',
            `task ${failed.id} (${failed.label}) exceeded taskTimeoutMs ${this.hooks.taskTimeoutMs} ms; worker pid ${this.pid} was killed`
          )
        : new Error(
            `worker pid ${this.pid} exited while running task ${failed.id} (${failed.label}): exit code ${code}, signal ${signal}`
          )
    this.end(failed, err, undefined)
    return { failed, unstarted }
  }

  private start(task: PoolTask): void {
    task.startedAt = performance.now()
    this.hooks.sink({ type: 'task.start', task: task.id, worker: this.pid! })
    const limit = this.hooks.taskTimeoutMs
    if (limit !== undefined) {
      task.timer = setTimeout(() => {
        this.timedOut = task
        this.link.kill('SIGKILL')
      }, limit)
    }
  }

  private onTask(msg: TaskMessage): void {
    const task = this.inflight.peek()
    if (!task || task.id !== msg.id) {
      this.link.warn(`pid ${this.pid} answered task ${msg.id}, which it was not running; ignored`)
      return
    }
    this.inflight.shift()
    if (task.timer) clearTimeout(task.timer)
    const ms = performance.now() - task.startedAt!
    this.avgMs = this.avgMs === undefined ? ms : this.avgMs * 0.8 + ms * 0.2
    if (msg.type === 'result') this.end(task, undefined, msg.value)
    else this.end(task, fromErrorInfo(msg.error), undefined)
    const next = this.inflight.peek()
    if (next) this.start(next)
    this.hooks.onFree(this)
  }

  private end(task: PoolTask, err: Error | undefined, value: unknown): void {
    this.hooks.sink({
      type: 'task.end',
      task: task.id,
      worker: this.pid!,
      ok: !err,
      ...(err ? { error: `${err.name}: ${err.message}` } : {})
    })
    task.settle(err, value)
  }
}
