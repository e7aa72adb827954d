// The channel's port in Electron: the preload's bridge to the main process, connected for
// the page's whole life (a reload is a new page, which resumes its runs).
import type { ClientPort } from '../../../shared/channel/ChannelClient'
import type { IpcBridge } from '../../../shared/channel/messages'

export function ipcPort(bridge: IpcBridge): ClientPort {
  return {
    send: (msg) => bridge.send(msg),
    start(sink) {
      bridge.onMessage((msg) => sink.message(msg))
      sink.state('connected')
    }
  }
}
