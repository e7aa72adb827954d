// Exposes a message port to the host, and nothing else, to the sandboxed renderer as
// window.poolscope: the renderer runs the channel's client over it (createApi), the same
// client as in a browser. Messages cross as copies; errors are data, so their codes survive.
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { ChannelRequest, ChannelResponse, IpcBridge } from '../shared/channel/messages'
import { IPC_CHANNEL } from '../shared/channel/names'

export function buildBridge(
  ipc: Pick<typeof ipcRenderer, 'send' | 'on' | 'removeListener'>
): IpcBridge {
  let receiver: ((_e: IpcRendererEvent, msg: ChannelResponse) => void) | undefined
  return {
    send: (msg: ChannelRequest) => ipc.send(IPC_CHANNEL, msg),
    onMessage(listener) {
      if (receiver) ipc.removeListener(IPC_CHANNEL, receiver)
      receiver = (_e, msg) => listener(msg)
      ipc.on(IPC_CHANNEL, receiver)
    }
  }
}

contextBridge.exposeInMainWorld('poolscope', buildBridge(ipcRenderer))
