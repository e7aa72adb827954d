// Binds the PoolScope API to Electron IPC: the channel (ChannelServer) over one IPC channel,
// one connection per window, every message's sender checked (ValidatedIpcMain: our own
// window's main frame, showing our own page). A window's connection ends, with its
// subscription and its listeners, when it navigates (a reload starts a new one, which resumes
// the runs with their events) or is destroyed.
import type { IpcMainEvent, WebContents } from 'electron'
import type { ChannelResponse } from '../shared/channel/messages'
import { IPC_CHANNEL } from '../shared/channel/names'
import type { ChannelService } from './channel/ChannelServer'
import { ChannelServer } from './channel/ChannelServer'
import type { RawIpcMain } from './ValidatedIpcMain'
import { REFUSED_MESSAGE, ValidatedIpcMain } from './ValidatedIpcMain'

export interface IpcDeps {
  ipcMain: RawIpcMain
  service: ChannelService
  /** Whether this URL is our renderer's page (the built file, or the dev server). */
  isOwnUrl(url: string): boolean
  /** Whether these web contents belong to one of our windows. */
  isOwnWindow(contents: WebContents): boolean
  log(message: string): void
}

/** The sender must be the top frame of our window, showing our page. */
export function isTrustedSender(
  event: Pick<IpcMainEvent, 'sender' | 'senderFrame'>,
  deps: IpcDeps
): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return deps.isOwnWindow(event.sender) && deps.isOwnUrl(frame.url)
}

/** A renderer that never says "taken" is sent its next batch after this long anyway. IPC has
 *  no flow control of its own (the main process would queue without bound): one batch is out
 *  at a time. */
export const ACK_PACING = { window: 1, timeoutMs: 2000 }

export function bindIpc(deps: IpcDeps): () => void {
  const ipc = new ValidatedIpcMain(deps.ipcMain, (event) => isTrustedSender(event, deps), deps.log)
  const connections = new Map<number, { channel: ChannelServer; end(): void }>()

  const connect = (contents: WebContents): ChannelServer => {
    const known = connections.get(contents.id)
    if (known) return known.channel
    const send = (msg: ChannelResponse): undefined => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, msg)
      return undefined
    }
    const channel = new ChannelServer({ send }, deps.service, ACK_PACING)
    const onNavigate = (details: { isMainFrame: boolean; isSameDocument: boolean }): void => {
      if (details.isMainFrame && !details.isSameDocument) end()
    }
    const end = (): void => {
      channel.close()
      contents.off('did-start-navigation', onNavigate)
      contents.off('destroyed', end)
      connections.delete(contents.id)
    }
    contents.on('did-start-navigation', onNavigate)
    contents.on('destroyed', end)
    connections.set(contents.id, { channel, end })
    return channel
  }

  ipc.on(
    IPC_CHANNEL,
    (event, msg) => void connect(event.sender).receive(msg),
    (event, msg) => {
      // Told so, to the frame that asked (never to our page, whose call ids it would match).
      const id = (msg as { kind?: unknown; id?: unknown } | null)?.id
      if ((msg as { kind?: unknown } | null)?.kind !== 'call' || typeof id !== 'number') return
      const refusal: ChannelResponse = {
        kind: 'error',
        id,
        error: { code: 'refused', message: REFUSED_MESSAGE }
      }
      event.senderFrame?.send(IPC_CHANNEL, refusal)
    }
  )

  return () => {
    ipc.dispose()
    for (const { end } of [...connections.values()]) end()
  }
}
