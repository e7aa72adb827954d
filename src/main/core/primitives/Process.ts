// A child OS process running one named task, like Python's multiprocessing.Process.
import type { ChildProcess } from 'node:child_process'
import { forkChild } from '../child/forkChild'
import type { EventSink } from '../eventSink'
import { discardEvents } from '../eventSink'
import type { ChildMessage } from '../protocol'
import { fromErrorInfo } from '../protocol'
import { ChildMessageSchema } from '../protocolSchema'
import { checkSerialisable, checkTaskName, checkTimeout } from './checkArgs'

export interface ProcessOptions {
  task: string
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
  pid: number | undefined
  exitCode: number | null = null
  signal: NodeJS.Signals | null = null
  /** What the task returned, once it has. */
  result: unknown
  /** Why the task failed, if it did. */
  error: Error | undefined
  private child: ChildProcess | undefined
  private readonly sink: EventSink
  private exited: Promise<void> | undefined

  constructor(opts: ProcessOptions) {
    this.task = checkTaskName(opts.task)
    this.args = opts.args ?? []
    checkSerialisable(this.args, 'args')
    this.name = opts.name ?? opts.task
    this.role = opts.role ?? 'process'
    this.sink = opts.sink ?? discardEvents
  }

  /** Forks the child; resolves once it is running its task. */
  start(): Promise<void> {
    if (this.child) throw new Error(`process '${this.name}' was already started`)
    const child = forkChild()
    this.child = child
    this.exited = new Promise((resolve) => {
      // 'close' rather than 'exit': it comes after the last output, so events stay in order.
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        this.exitCode = code
        this.signal = signal
        if (this.pid !== undefined) this.sink({ type: 'proc.exit', pid: this.pid, code, signal })
        resolve()
      })
    })
    return new Promise((resolve, reject) => {
      child.once('error', (err) =>
        reject(new Error(`could not start process '${this.name}': ${err.message}`))
      )
      child.once('spawn', () => {
        this.pid = child.pid
        this.sink({
          type: 'proc.spawn',
          pid: child.pid!,
          ppid: process.pid,
          name: this.name,
          role: this.role
        })
        this.captureOutput(child)
      })
      child.on('message', (raw) => {
        const parsed = ChildMessageSchema.safeParse(raw)
        if (!parsed.success) {
          this.sink({
            type: 'log',
            level: 'warn',
            text: `pid ${child.pid} sent a malformed message`
          })
          return
        }
        this.onMessage(parsed.data, resolve)
      })
      child.once('exit', (code, signal) => {
        reject(
          new Error(
            `process '${this.name}' (pid ${child.pid}) exited before it was ready (code ${code}, signal ${signal})`
          )
        )
      })
    })
  }

  private onMessage(msg: ChildMessage, started: () => void): void {
    switch (msg.type) {
      case 'ready':
        this.sink({ type: 'proc.ready', pid: msg.pid })
        this.child!.send({ type: 'run', task: this.task, args: this.args, exit: true })
        started()
        return
      case 'result':
        this.result = msg.value
        return
      case 'error':
        this.error = fromErrorInfo(msg.error)
        return
    }
  }

  private captureOutput(child: ChildProcess): void {
    const pid = child.pid!
    child.stdout
      ?.setEncoding('utf8')
      .on('data', (text: string) => this.sink({ type: 'stdout', pid, text }))
    child.stderr
      ?.setEncoding('utf8')
      .on('data', (text: string) => this.sink({ type: 'stderr', pid, text }))
  }

  /** Waits for exit; with a timeout, resolves false if still running then (like Python's join). */
  async join(timeoutMs?: number): Promise<boolean> {
    checkTimeout(timeoutMs)
    if (!this.exited) throw new Error(`process '${this.name}' was never started`)
    if (timeoutMs === undefined) {
      await this.exited
      return true
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs)))
    const done = await Promise.race([this.exited.then(() => true as const), timedOut])
    clearTimeout(timer)
    return done
  }

  isAlive(): boolean {
    return this.child !== undefined && this.exitCode === null && this.signal === null
  }

  terminate(): void {
    if (this.isAlive()) this.child!.kill('SIGTERM')
  }

  kill(): void {
    if (this.isAlive()) this.child!.kill('SIGKILL')
  }
}
