// Exposes the PoolScope API, and nothing else, to the sandboxed renderer as window.poolscope.
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { PoolScopeApi } from '../shared/api'
import type { IpcReply } from '../shared/channels'
import {
  COMMAND_NAMES,
  IPC_ACK,
  IPC_BATCH,
  IPC_PREFIX,
  IPC_SUBSCRIBE,
  IPC_UNSUBSCRIBE
} from '../shared/channels'
import type { EventBatch } from '../shared/events'

export function buildApi(
  ipc: Pick<typeof ipcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>
): PoolScopeApi {
  const listeners = new Set<(batch: EventBatch) => void>()
  const onBatch = (_e: IpcRendererEvent, batch: EventBatch): void => {
    listeners.forEach((l) => l(batch))
    ipc.send(IPC_ACK) // taken: the host may send the next one
  }
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (input?: unknown) => {
        const reply = (await ipc.invoke(IPC_PREFIX + name, input)) as IpcReply<unknown>
        if (!reply.ok) throw new Error(reply.error.message)
        return reply.value
      }
    ])
  )
  return {
    ...(commands as Omit<PoolScopeApi, 'subscribe' | 'exportUrl' | 'openUrl'>),
    subscribe(listener) {
      if (listeners.size === 0) {
        ipc.on(IPC_BATCH, onBatch)
        ipc.send(IPC_SUBSCRIBE)
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          ipc.removeListener(IPC_BATCH, onBatch)
          ipc.send(IPC_UNSUBSCRIBE)
        }
      }
    }
  }
}

contextBridge.exposeInMainWorld('poolscope', buildApi(ipcRenderer))
