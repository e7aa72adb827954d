// A child OS process running one named task, like Python's multiprocessing.Process.
import type { EventSink } from '../eventSink'
import { discardEvents } from '../eventSink'
import { fromErrorInfo } from '../protocol'
import { checkSerialisable, checkTaskName, checkTimeout } from './checkArgs'
import { ChildLink } from './ChildLink'
import type { TaskMessage } from './ChildLink'
import { encodeArgs } from './shareable'
import { takeSpare } from './warmSpare'

export interface ProcessOptions {
  task: string
  /** JSON values; a Queue, Lock or PipeEnd arrives in the task as a proxy. */
  args?: unknown[]
  name?: string
  role?: string
  sink?: EventSink
}

export class Process {
  readonly task: string
  readonly args: unknown[]
  readonly name: string
  readonly role: string
  /** What the task returned, once it has. */
  result: unknown
  /** Why the task failed, if it did (also when the process died before its task returned). */
  error: Error | undefined
  /** It exited without its task returning or throwing (killed, or exited from inside). */
  died = false
  private link: ChildLink | undefined
  private answered = false
  private readonly sink: EventSink

  constructor(opts: ProcessOptions) {
    this.task = checkTaskName(opts.task)
    this.args = opts.args ?? []
    checkSerialisable(this.args, 'args')
    this.name = opts.name ?? opts.task
    this.role = opts.role ?? 'process'
    this.sink = opts.sink ?? discardEvents
  }

  get pid(): number | undefined {
    return this.link?.pid
  }

  get exitCode(): number | null {
    return this.link?.exitCode ?? null
  }

  get signal(): NodeJS.Signals | null {
    return this.link?.signal ?? null
  }

  /** Forks the child (or takes a warm spare); resolves once it is running its task. */
  async start(): Promise<void> {
    if (this.link) throw new Error(`process '${this.name}' was already started`)
    const opts = {
      name: this.name,
      role: this.role,
      sink: this.sink,
      onTask: (m: TaskMessage) => this.onTask(m)
    }
    const spare = takeSpare()
    if (spare) spare.adopt(opts)
    const link = spare ?? new ChildLink(opts)
    this.link = link
    // Registered before any join(), so a joiner already sees the error.
    void link.exited.then(() => {
      if (this.answered) return
      this.died = true
      this.error = new Error(
        `process '${this.name}' (pid ${link.pid}) exited before its task returned: exit code ${link.exitCode}, signal ${link.signal}`
      )
    })
    await link.ready
    let args: unknown[]
    try {
      args = encodeArgs(this.args, link)
    } catch (err) {
      link.kill('SIGKILL') // it would wait for a task forever
      throw err
    }
    link.send({ type: 'run', id: 1, task: this.task, args, exit: true })
  }

  private onTask(msg: TaskMessage): void {
    this.answered = true
    if (msg.type === 'result') this.result = msg.value
    else this.error = fromErrorInfo(msg.error)
  }

  /** Waits for exit; with a timeout, resolves false if still running then (like Python's join). */
  async join(timeoutMs?: number): Promise<boolean> {
    checkTimeout(timeoutMs)
    if (!this.link) throw new Error(`process '${this.name}' was never started`)
    if (timeoutMs === undefined) {
      await this.link.exited
      return true
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs)))
    const done = await Promise.race([this.link.exited.then(() => true as const), timedOut])
    clearTimeout(timer)
    return done
  }

  isAlive(): boolean {
    return this.link !== undefined && this.link.isAlive()
  }

  terminate(): void {
    this.link?.kill('SIGTERM')
  }

  kill(): void {
    this.link?.kill('SIGKILL')
  }
}

/** The error to report for processes that ran together: one that died comes before the errors
 *  its peers got because of it (EOF, a broken pipe); else the first task error. */
export function rootError(procs: readonly Process[]): Error | undefined {
  return (procs.find((p) => p.died) ?? procs.find((p) => p.error))?.error
}
