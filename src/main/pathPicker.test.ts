// The watch form's "Choose…" in Electron: the open dialog asked for a file or a directory, on
// the window given; a cancelled dialog is null.
import { describe, expect, it, vi } from 'vitest'
import { PoolScopeService } from './core/host/PoolScopeService'
import { dialogPicker } from './pathPicker'

describe('dialogPicker', () => {
  it('asks the open dialog on the window, for a .py file or a directory; cancel is null', async () => {
    const win = { id: 7 }
    const answers = [
      { canceled: false, filePaths: ['/home/me/prog.py'] },
      { canceled: true, filePaths: [] }
    ]
    const dialog = { showOpenDialog: vi.fn(async () => answers.shift()!) }
    const service = new PoolScopeService({ pickPath: dialogPicker(dialog, () => win) })
    expect(await service.call('pickPath', { kind: 'file' })).toEqual({ path: '/home/me/prog.py' })
    expect(await service.call('pickPath', { kind: 'directory' })).toEqual({ path: null })
    const [[w1, file], [, dir]] = dialog.showOpenDialog.mock.calls as unknown as [
      unknown,
      { properties: string[]; filters?: { extensions: string[] }[] }
    ][]
    expect(w1).toBe(win)
    expect(file.properties).toEqual(['openFile'])
    expect(file.filters?.[0]?.extensions).toContain('py')
    expect(dir.properties).toEqual(['openDirectory'])
    expect((await service.call('programSupport', undefined)).picker).toBe(true)
    await service.shutdown()
  })

  it('a host without a dialog (serve) refuses pickPath and says so in programSupport', async () => {
    const service = new PoolScopeService()
    await expect(service.call('pickPath', { kind: 'file' })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining('type the path')
    })
    expect((await service.call('programSupport', undefined)).picker).toBe(false)
    await service.shutdown()
  })
})
