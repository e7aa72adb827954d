// Binds the PoolScope API to Electron IPC: every command on its prefixed channel, the sender
// checked (our own window's main frame, showing our own page), the payload validated by the
// service, and batches pushed to the windows that subscribed until they close or navigate.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import type { IpcReply } from '../shared/channels'
import {
  COMMAND_NAMES,
  IPC_ACK,
  IPC_PREFIX,
  IPC_SUBSCRIBE,
  IPC_UNSUBSCRIBE,
  IPC_BATCH
} from '../shared/channels'
import { toApiErrorInfo } from './core/host/ApiError'
import type { PoolScopeService } from './core/host/PoolScopeService'

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'on' | 'removeHandler' | 'removeAllListeners'>
  service: Pick<PoolScopeService, 'call' | 'subscribe'>
  /** Whether this URL is our renderer's page (the built file, or the dev server). */
  isOwnUrl(url: string): boolean
  /** Whether these web contents belong to one of our windows. */
  isOwnWindow(contents: WebContents): boolean
  log(message: string): void
}

/** The sender must be the top frame of our window, showing our page. */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, deps: IpcDeps): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return deps.isOwnWindow(event.sender) && deps.isOwnUrl(frame.url)
}

/** A renderer that never says "taken" is sent its next batch after this long anyway. */
export const ACK_TIMEOUT_MS = 2000

export function bindIpc(deps: IpcDeps): () => void {
  const subscriptions = new Map<number, () => void>()

  for (const name of COMMAND_NAMES) {
    deps.ipcMain.handle(
      IPC_PREFIX + name,
      async (event, input: unknown): Promise<IpcReply<unknown>> => {
        if (!isTrustedSender(event, deps)) {
          deps.log(
            `refused ${name}: sender ${event.senderFrame?.url ?? '(gone)'} is not the PoolScope window`
          )
          return {
            ok: false,
            error: { code: 'refused', message: 'refused: not the PoolScope window' }
          }
        }
        try {
          return { ok: true, value: await deps.service.call(name, input) }
        } catch (err) {
          return { ok: false, error: toApiErrorInfo(err) }
        }
      }
    )
  }

  /** Per window: the pending batch's "taken" signal (see IPC_ACK). */
  const acks = new Map<number, () => void>()
  const unsubscribe = (id: number): void => {
    subscriptions.get(id)?.()
    subscriptions.delete(id)
    acks.get(id)?.()
    acks.delete(id)
  }

  deps.ipcMain.on(IPC_SUBSCRIBE, (event) => {
    if (!isTrustedSender(event, deps)) {
      deps.log(
        `refused subscribe: sender ${event.senderFrame?.url ?? '(gone)'} is not the PoolScope window`
      )
      return
    }
    const contents = event.sender
    if (subscriptions.has(contents.id)) return
    // Busy until the renderer says it took the batch (or ACK_TIMEOUT_MS passed): meanwhile the
    // host keeps later batches in a bounded backlog and drops past it, counting (EventBatch.dropped).
    const stop = deps.service.subscribe((batch) => {
      if (contents.isDestroyed()) return
      contents.send(IPC_BATCH, batch)
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ACK_TIMEOUT_MS)
        function done(): void {
          clearTimeout(timer)
          if (acks.get(contents.id) === done) acks.delete(contents.id)
          resolve()
        }
        acks.set(contents.id, done)
      })
    })
    subscriptions.set(contents.id, stop)
    contents.once('destroyed', () => unsubscribe(contents.id))
    contents.once('did-start-navigation', () => unsubscribe(contents.id))
  })
  deps.ipcMain.on(IPC_UNSUBSCRIBE, (event) => unsubscribe(event.sender.id))
  deps.ipcMain.on(IPC_ACK, (event) => acks.get(event.sender.id)?.())

  return () => {
    for (const name of COMMAND_NAMES) deps.ipcMain.removeHandler(IPC_PREFIX + name)
    deps.ipcMain.removeAllListeners(IPC_SUBSCRIBE)
    deps.ipcMain.removeAllListeners(IPC_UNSUBSCRIBE)
    deps.ipcMain.removeAllListeners(IPC_ACK)
    for (const id of [...subscriptions.keys()]) unsubscribe(id)
  }
}
