// Host ↔ child messages: one tagged union that both sides import (piscina's types.ts).
// The host validates everything a child sends before acting on it.
// No runtime imports here: children load this, and must start fast.
import type { ErrorInfo } from '../../shared/events'

/** Environment a child receives so it can notice its parent is gone and tag itself. */
export const ENV_PARENT_PID = 'POOLSCOPE_PARENT_PID'
/** Every process PoolScope starts carries the host's PID here: /proc scans find strays by it. */
export const ENV_HOST_PID = 'POOLSCOPE_HOST_PID'

export type HostMessage =
  /** Run a named task from the registry; `exit` ends the child afterwards (a Process). */
  { type: 'run'; task: string; args: unknown[]; exit: boolean }

export type ChildMessage =
  | { type: 'ready'; pid: number; ppid: number }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: ErrorInfo }

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
