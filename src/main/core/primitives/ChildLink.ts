// The host's side of one forked child: its JSON-lines channel (fd 3), its output, its
// lifecycle events, and the routing of its queue/lock/pipe messages to the host objects it was
// given. Process and the pool's workers are built on it.
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { forkChild } from '../child/forkChild'
import { LineChannel } from '../child/LineChannel'
import { unpackNumbers } from '../child/packedNumbers'
import type { EventSink } from '../eventSink'
import type { ChildMessage, HandleMessage, HostMessage } from '../protocol'
import { toErrorInfo } from '../protocol'
import type { NumberPacking } from '../child/packedNumbers'
import { parseChildMessage } from '../protocolSchema'
import type { Broker } from './shareable'

export type TaskMessage = Extract<ChildMessage, { type: 'result' | 'error' }>
export type BrokerMessage = Extract<
  ChildMessage,
  { type: `q.${string}` | `lock.${string}` | `pipe.${string}` }
>

export interface ChildLinkOptions {
  name: string
  role: string
  sink: EventSink
  onTask?: (msg: TaskMessage) => void
}

export class ChildLink {
  readonly child: ChildProcess
  pid: number | undefined
  exitCode: number | null = null
  signal: NodeJS.Signals | null = null
  isReady = false
  /** Resolves when the child says `ready`; rejects if it fails or exits first. */
  readonly ready: Promise<void>
  /** Resolves after the child exited and its last output was recorded. */
  readonly exited: Promise<void>
  name: string
  role: string
  onTask: (msg: TaskMessage) => void
  private sink: EventSink
  private readonly channel: LineChannel
  private readonly brokers = new Map<string, Broker>()
  private adopted: boolean

  /** `spare`: fork now but report nothing until adopt() (a warm spare). */
  constructor(opts: ChildLinkOptions, spare = false) {
    this.name = opts.name
    this.role = opts.role
    this.sink = opts.sink
    this.onTask = opts.onTask ?? (() => {})
    this.adopted = !spare
    const child = forkChild()
    this.child = child
    this.channel = new LineChannel(child.stdio[3] as Socket, (line) => this.onLine(line))
    let readyOk!: () => void
    let readyFail!: (e: Error) => void
    this.ready = new Promise((res, rej) => ((readyOk = res), (readyFail = rej)))
    this.ready.catch(() => {}) // the owner decides whether a failed start matters
    this.readyOk = readyOk
    child.once('error', (err) =>
      readyFail(new Error(`could not start process '${this.name}': ${err.message}`))
    )
    child.once('spawn', () => {
      this.pid = child.pid
      if (this.adopted) this.emitSpawn()
      this.captureOutput(child)
    })
    child.once('exit', (code, signal) =>
      readyFail(
        new Error(
          `process '${this.name}' (pid ${child.pid}) exited before it was ready (code ${code}, signal ${signal})`
        )
      )
    )
    this.exited = new Promise((resolve) => {
      // 'close' rather than 'exit': it comes after the last output, so events stay in order.
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        this.exitCode = code
        this.signal = signal
        this.channel.destroy()
        if (this.pid !== undefined && this.adopted) {
          this.sink({ type: 'proc.exit', pid: this.pid, code, signal })
        }
        for (const b of this.brokers.values()) b.onChildExit(this)
        resolve()
      })
    })
  }

  private readonly readyOk: () => void

  /** A warm spare joins an owner: from now on its events go to `sink`. */
  adopt(opts: ChildLinkOptions): void {
    this.name = opts.name
    this.role = opts.role
    this.sink = opts.sink
    this.onTask = opts.onTask ?? (() => {})
    this.adopted = true
    this.emitSpawn()
    this.sink({ type: 'proc.ready', pid: this.pid! })
  }

  isAlive(): boolean {
    return this.exitCode === null && this.signal === null
  }

  send(msg: HostMessage): void {
    this.channel.send(msg)
  }

  /** Sends a message already written as one line (see child/packedNumbers.ts lineWithPacked). */
  sendLine(line: string): void {
    this.channel.sendLine(line)
  }

  reply(req: number, value: unknown): void {
    if (req > 0 && this.isAlive()) this.send({ type: 'reply', req, value })
  }

  replyError(req: number, err: Error): void {
    if (req > 0 && this.isAlive()) this.send({ type: 'reply', req, error: toErrorInfo(err) })
    else if (req === 0) this.warn(err.message)
  }

  /** Lets this child's messages reach `broker` (it was passed to one of its tasks). */
  addBroker(broker: Broker): void {
    this.brokers.set(broker.id, broker)
  }

  /** Hands a socket to the child over Node's IPC channel (it is closed in the host after). */
  sendSocket(key: string, socket: Socket): void {
    const msg: HandleMessage = { type: 'pipe-end', key }
    this.child.send(msg, socket, (err) => {
      if (err) this.warn(`could not pass pipe end to pid ${this.pid}: ${err.message}`)
    })
  }

  kill(signal: NodeJS.Signals): void {
    if (this.isAlive()) this.child.kill(signal)
  }

  emit: EventSink = (e) => this.sink(e)

  warn(text: string): void {
    this.sink({ type: 'log', level: 'warn', text })
  }

  private emitSpawn(): void {
    this.sink({
      type: 'proc.spawn',
      pid: this.pid!,
      ppid: process.pid,
      name: this.name,
      role: this.role
    })
  }

  private onLine(line: string): void {
    const parsed = parseChildMessage(line)
    if (!parsed.ok) {
      this.warn(`pid ${this.pid} sent a malformed message (${parsed.why}); ignored`)
      return
    }
    const msg = parsed.msg
    switch (msg.type) {
      case 'ready':
        this.isReady = true
        if (this.adopted) this.sink({ type: 'proc.ready', pid: this.pid! })
        this.readyOk()
        return
      case 'result':
        if (msg.packed) return this.onPackedResult(msg.id, msg.packed, msg.value as string)
        this.onTask(msg)
        return
      case 'error':
        this.onTask(msg)
        return
      case 'results':
        for (let i = 0; i < msg.ids.length; i++) {
          this.onTask({ type: 'result', id: msg.ids[i]!, value: msg.values[i] })
        }
        return
      case 'out':
        this.sink({ type: 'stdout', pid: this.pid!, text: msg.text })
        return
      default:
        this.route(msg)
    }
  }

  private onPackedResult(id: number, packed: NumberPacking, data: string): void {
    let value: number[]
    try {
      value = unpackNumbers(packed, data)
    } catch (err) {
      // The task fails rather than waiting for ever on a result that cannot be read.
      const error = toErrorInfo(
        new Error(`pid ${this.pid} sent unreadable results: ${(err as Error).message}`)
      )
      return this.onTask({ type: 'error', id, error })
    }
    this.onTask({ type: 'result', id, value })
  }

  private route(msg: BrokerMessage): void {
    const id = 'queue' in msg ? msg.queue : 'lock' in msg ? msg.lock : msg.pipe
    const broker = this.brokers.get(id)
    if (!broker) {
      const err = new Error(`pid ${this.pid} used '${id}', which was never passed to it`)
      if ('req' in msg) this.replyError(msg.req, err)
      else this.warn(err.message)
      return
    }
    broker.onChildMessage(this, msg)
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
}
