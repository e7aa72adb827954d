// Names of the API's commands and the Electron IPC channels. Free of dependencies, because
// the sandboxed preload can load nothing but its own bundle and 'electron'.
export const COMMAND_NAMES = [
  'listScenarios',
  'listRuns',
  'startRun',
  'stopRun',
  'killProcess',
  'exportRun',
  'openTrace'
] as const
export type CommandName = (typeof COMMAND_NAMES)[number]

/** Commands are invoked on `poolscope:<name>`; batches are pushed on IPC_BATCH. */
export const IPC_PREFIX = 'poolscope:'
export const IPC_SUBSCRIBE = `${IPC_PREFIX}subscribe`
export const IPC_UNSUBSCRIBE = `${IPC_PREFIX}unsubscribe`
export const IPC_BATCH = `${IPC_PREFIX}batch`
/** The renderer's "batch taken": until it comes, later batches wait (bounded) in the host. */
export const IPC_ACK = `${IPC_PREFIX}ack`

/** What an IPC command answers: errors travel as data so their message arrives intact. */
export type IpcReply<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
