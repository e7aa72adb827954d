// Binds the PoolScope API to Electron IPC: every command on its prefixed channel, the sender
// checked (our own window's main frame, showing our own page), the payload validated by the
// service, and batches pushed to the windows that subscribed until they close or navigate.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import type { IpcReply } from '../shared/channels'
import {
  COMMAND_NAMES,
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

  const unsubscribe = (id: number): void => {
    subscriptions.get(id)?.()
    subscriptions.delete(id)
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
    const stop = deps.service.subscribe((batch) => {
      if (!contents.isDestroyed()) contents.send(IPC_BATCH, batch)
    })
    subscriptions.set(contents.id, stop)
    contents.once('destroyed', () => unsubscribe(contents.id))
    contents.once('did-start-navigation', () => unsubscribe(contents.id))
  })
  deps.ipcMain.on(IPC_UNSUBSCRIBE, (event) => unsubscribe(event.sender.id))

  return () => {
    for (const name of COMMAND_NAMES) deps.ipcMain.removeHandler(IPC_PREFIX + name)
    deps.ipcMain.removeAllListeners(IPC_SUBSCRIBE)
    deps.ipcMain.removeAllListeners(IPC_UNSUBSCRIBE)
    for (const id of [...subscriptions.keys()]) unsubscribe(id)
  }
}
