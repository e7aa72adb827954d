// The child side of the host channel: requests that wait for the host's reply (queue get,
// lock acquire, …), notes that do not, and the pipe-end sockets the host passes over IPC.
import type { Socket } from 'node:net'
import type { ChildMessage, HostMessage } from '../protocol'
import { fromErrorInfo } from '../protocol'
import type { LineChannel } from './LineChannel'
import { flushTallies } from './PipeTally'

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }
type Request = ChildMessage extends infer M ? (M extends { req: number } ? M : never) : never
type WithoutReq<M> = M extends unknown ? Omit<M, 'req'> : never

let channel: LineChannel | undefined
let nextReq = 1
const pending = new Map<number, Pending>()
const sockets = new Map<string, Socket>()
const socketWaiters = new Map<string, (s: Socket) => void>()

export function attachChannel(ch: LineChannel): void {
  channel = ch
}

function requireChannel(): LineChannel {
  if (!channel) throw new Error('this API works only inside a task run by a PoolScope child')
  return channel
}

/** A message that wants no answer; returns the line sent. */
export function notify(msg: ChildMessage): string {
  const ch = requireChannel()
  flushTallies() // pipe counts first: the host records them in the order they happened
  return ch.send(msg)
}

/** As notify, for a message already written as JSON (see QueueProxy.put). */
export function notifyLine(line: string): void {
  const ch = requireChannel()
  flushTallies()
  ch.sendLine(line)
}

/** Resolves once the host channel takes data again (at once unless it is backed up). */
export function hostDrained(): Promise<void> {
  return requireChannel().drained()
}

/** A message the host answers with a `reply` carrying the same `req`. */
export function request(msg: WithoutReq<Request>): Promise<unknown> {
  const ch = requireChannel()
  flushTallies()
  const req = nextReq++
  return new Promise((resolve, reject) => {
    pending.set(req, { resolve, reject })
    ch.send({ ...msg, req })
  })
}

export function onReply(msg: Extract<HostMessage, { type: 'reply' }>): void {
  const p = pending.get(msg.req)
  if (!p) return
  pending.delete(msg.req)
  if (msg.error) p.reject(fromErrorInfo(msg.error))
  else p.resolve(msg.value)
}

/** The host passed the socket of pipe end `key` (over Node's IPC channel). */
export function receiveSocket(key: string, socket: Socket): void {
  const waiter = socketWaiters.get(key)
  if (waiter) {
    socketWaiters.delete(key)
    waiter(socket)
  } else sockets.set(key, socket)
}

/** The socket of pipe end `key`; the run message may arrive before the handle does. */
export function socketFor(key: string): Promise<Socket> {
  const s = sockets.get(key)
  if (s) {
    sockets.delete(key)
    return Promise.resolve(s)
  }
  return new Promise((resolve) => socketWaiters.set(key, resolve))
}
