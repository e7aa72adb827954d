// The only way the main process listens to renderers: every channel registered here checks
// its sender first (VS Code's ValidatedIpcMain idea), so no handler can forget to. A refused
// message is logged and never reaches the handler.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron'

export type SenderCheck = (event: IpcMainEvent | IpcMainInvokeEvent) => boolean

export type RawIpcMain = Pick<IpcMain, 'on' | 'removeListener' | 'handle' | 'removeHandler'>

export const REFUSED_MESSAGE = 'refused: not the PoolScope window'

export class ValidatedIpcMain {
  private readonly disposers: (() => void)[] = []

  constructor(
    private readonly ipcMain: RawIpcMain,
    private readonly isTrusted: SenderCheck,
    private readonly log: (message: string) => void
  ) {}

  /** Listens on `channel`; a refused message goes to `onRefused`, if given, instead. */
  on(
    channel: string,
    listener: (event: IpcMainEvent, ...args: unknown[]) => void,
    onRefused?: (event: IpcMainEvent, ...args: unknown[]) => void
  ): void {
    const checked = (event: IpcMainEvent, ...args: unknown[]): void => {
      if (this.check(channel, event)) listener(event, ...args)
      else onRefused?.(event, ...args)
    }
    this.ipcMain.on(channel, checked)
    this.disposers.push(() => this.ipcMain.removeListener(channel, checked))
  }

  /** Answers `channel`'s invokes; a refused one rejects with REFUSED_MESSAGE. */
  handle(
    channel: string,
    handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
  ): void {
    this.ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!this.check(channel, event)) throw new Error(REFUSED_MESSAGE)
      return handler(event, ...args)
    })
    this.disposers.push(() => this.ipcMain.removeHandler(channel))
  }

  /** Removes every listener and handler registered here. */
  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose()
  }

  private check(channel: string, event: IpcMainEvent | IpcMainInvokeEvent): boolean {
    if (this.isTrusted(event)) return true
    const url = event.senderFrame?.url ?? '(gone)'
    this.log(`refused ${channel}: sender ${url} is not the PoolScope window`)
    return false
  }
}
