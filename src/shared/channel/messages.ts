// What a client and a host say to each other over any port (Electron IPC, the WebSocket).
// Types and constants only, no imports at run time: the preload bundles what it uses of this.
import type { EventBatch } from '../events'
import type { CommandName } from './names'

/** Client → host. */
export type ChannelRequest =
  | { kind: 'call'; id: number; method: CommandName; input?: unknown }
  /** Resume: the last batch seq seen per run; the host first sends every run's batches after
   *  it (all of them for runs not named), then live ones. Replaces an earlier subscription. */
  | { kind: 'subscribe'; since?: Record<string, number> }
  | { kind: 'unsubscribe' }
  /** "Batch taken", one per batch received: a port without flow control of its own (Electron
   *  IPC) sends the next batch only after it. */
  | { kind: 'ack' }

/** Host → client. An error with id null answers no call (a bad message, a resume's unknown
 *  runs). */
export type ChannelResponse =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number | null; error: ApiErrorInfo }
  | { kind: 'batch'; batch: EventBatch }

/**
 * The one error vocabulary of every face:
 * - bad-input: the request or its input is malformed (the message names the field);
 * - not-found: no such run (or scenario file);
 * - failed: the command ran and failed;
 * - refused: the sender may not use the API (not the PoolScope window), or may not do this
 *   (a signal to PID 1 or the host, or any signal on a host that does not allow them);
 * - disconnected: no connection to the host; a call made meanwhile was never sent.
 */
export const API_ERROR_CODES = [
  'bad-input',
  'not-found',
  'failed',
  'refused',
  'disconnected'
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface ApiErrorInfo {
  code: ApiErrorCode
  message: string
}

/**
 * connecting: the first connection is being made (calls wait for it);
 * connected; reconnecting: the connection dropped and is being made again (calls fail at once);
 * gone: the host answers but no longer knows this page (it was restarted: new token).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'gone'

/** What the preload exposes as window.poolscope: a raw message port over IPC_CHANNEL. */
export interface IpcBridge {
  send(msg: ChannelRequest): void
  /** Sets the one receiver of the host's messages (a second call replaces the first). */
  onMessage(listener: (msg: ChannelResponse) => void): void
}
