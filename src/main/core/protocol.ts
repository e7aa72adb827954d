// Host ↔ child messages: one tagged union that both sides import (piscina's types.ts).
// They travel as JSON lines over the child's fd 3 (see child/LineChannel.ts); only socket
// handles (pipe ends) go over Node's IPC channel. The host validates everything a child sends
// before acting on it (protocolSchema.ts). No runtime imports here: children load this.
import type { ErrorInfo } from '../../shared/events'
import type { NumberPacking } from './child/packedNumbers'

/** Environment a child receives so it can notice its parent is gone and tag itself. */
export const ENV_PARENT_PID = 'POOLSCOPE_PARENT_PID'
/** Every process PoolScope starts carries the host's PID here: /proc scans find strays by it. */
export const ENV_HOST_PID = 'POOLSCOPE_HOST_PID'
/** The child's end of the fast host channel. */
export const CHANNEL_FD = 3

/**
 * A host object handed to a task as an argument: the child runtime turns it into a proxy
 * (child/handles.ts). `id` names the host-side object; the host only honours ids it gave
 * that child.
 */
export type HandleRef =
  | { $ps: 'queue'; id: string; name: string; maxsize: number }
  | { $ps: 'lock'; id: string; name: string }
  | { $ps: 'pipe'; id: string; name: string; key: string; canSend: boolean; canRecv: boolean }

export type HostMessage =
  /**
   * Run a named task. `map`: args are items, the task runs once per item and the result is
   * the list of results (a pool chunk). `exit`: the child exits afterwards (a Process).
   * `packed`: args[0], the chunk's items, is packNumbers' base64 (child/packedNumbers.ts).
   */
  | {
      type: 'run'
      id: number
      task: string
      args: unknown[]
      map?: boolean
      exit?: boolean
      packed?: NumberPacking
    }
  /** Several runs of one task in one message (a pool sending short tasks ahead). */
  | { type: 'batch'; task: string; map?: boolean; ids: number[]; args: unknown[][] }
  /** Answer to a child's request `req` (queue put/get, lock acquire). */
  | { type: 'reply'; req: number; value?: unknown; error?: ErrorInfo }
  /** Finish the queued tasks, then exit (pool close, maxTasksPerChild). */
  | { type: 'exit' }

/** Sent over Node's IPC channel together with the socket of a pipe end. */
export interface HandleMessage {
  type: 'pipe-end'
  key: string
}

export type ChildMessage =
  | { type: 'ready'; pid: number; ppid: number }
  /** `packed`: value is a map chunk's results as packNumbers' base64. */
  | { type: 'result'; id: number; value: unknown; packed?: NumberPacking }
  /** Results of consecutive tasks that ended in the same tick, in order. */
  | { type: 'results'; ids: number[]; values: unknown[] }
  | { type: 'error'; id: number; error: ErrorInfo }
  /** Output written with the task API's write(): ordered with this child's other messages. */
  | { type: 'out'; text: string }
  /** `req` 0: no reply wanted (a put on an unbounded queue never blocks). */
  | { type: 'q.put'; req: number; queue: string; item: unknown; timeoutMs?: number }
  | { type: 'q.get'; req: number; queue: string; timeoutMs?: number }
  | { type: 'q.size'; req: number; queue: string }
  | { type: 'lock.acquire'; req: number; lock: string; timeoutMs?: number }
  | { type: 'lock.release'; lock: string }
  /** `count` messages (ending with number `msg`) of `bytes` in total since the last report. */
  | { type: 'pipe.send' | 'pipe.recv'; pipe: string; bytes: number; msg: number; count?: number }
  | { type: 'pipe.close'; pipe: string }

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack }
  return { name: 'Error', message: String(err) }
}

export function fromErrorInfo(info: ErrorInfo): Error {
  const err = new Error(info.message)
  err.name = info.name
  if (info.stack) err.stack = info.stack
  return err
}

/** A named error (Python's queue.Empty, EOFError, …) that crosses processes by its name. */
export function namedError(name: string, message: string): Error {
  const err = new Error(message)
  err.name = name
  return err
}
