// The Electron window's "Choose…" for the watch form: the native open dialog, shown by the main
// process (a sandboxed page cannot learn a file's path). `dialog` and the window are passed in,
// so that this loads without Electron in tests.
import type { PathKind, PathPicker } from './core/host/PoolScopeService'

export interface OpenDialog<W> {
  showOpenDialog(
    window: W,
    options: {
      title: string
      properties: ('openFile' | 'openDirectory')[]
      filters?: { name: string; extensions: string[] }[]
    }
  ): Promise<{ canceled: boolean; filePaths: string[] }>
}

const TITLES: Record<PathKind, string> = {
  file: 'Watch a Python program',
  directory: 'Working directory of the program'
}

export function dialogPicker<W>(dialog: OpenDialog<W>, window: () => W): PathPicker {
  return async (kind) => {
    const r = await dialog.showOpenDialog(window(), {
      title: TITLES[kind],
      properties: [kind === 'file' ? 'openFile' : 'openDirectory'],
      ...(kind === 'file'
        ? {
            filters: [
              { name: 'Python', extensions: ['py', 'pyw'] },
              { name: 'All files', extensions: ['*'] }
            ]
          }
        : {})
    })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  }
}
