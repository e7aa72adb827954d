// The Electron face with 'electron' faked: the window's security settings, navigation and
// window.open blocked, permissions denied, the CSP header, and quitting when windows close.
import type { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => {
  const state = {
    windows: [] as {
      options: Record<string, unknown>
      contents: EventEmitter & Record<string, unknown>
    }[],
    app: undefined as unknown as EventEmitter & Record<string, unknown>,
    headers: undefined as undefined | ((d: unknown, cb: (r: unknown) => void) => void),
    permission: undefined as
      undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    handled: [] as string[]
  }
  return state
})

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  h.app = new EventEmitter() as EventEmitter & Record<string, unknown>
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => h.windows
    webContents: EventEmitter & Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      super()
      const contents = new EventEmitter() as EventEmitter & Record<string, unknown>
      contents.setWindowOpenHandler = vi.fn()
      this.webContents = contents
      h.windows.push({ options, contents })
    }
    loadFile = vi.fn(async () => {})
    loadURL = vi.fn(async () => {})
    show = vi.fn()
  }
  Object.assign(h.app, { whenReady: () => Promise.resolve(), quit: vi.fn(), isPackaged: false })
  return {
    app: h.app,
    BrowserWindow,
    ipcMain: {
      handle: (ch: string) => h.handled.push(ch),
      on: vi.fn(),
      removeHandler: vi.fn(),
      removeAllListeners: vi.fn()
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: typeof h.headers) => (h.headers = fn) },
        setPermissionRequestHandler: (fn: typeof h.permission) => (h.permission = fn),
        setPermissionCheckHandler: (fn: typeof h.permissionCheck) => (h.permissionCheck = fn)
      }
    }
  }
})

describe('Electron main (electron faked)', async () => {
  await import('./index')
  await new Promise((r) => setTimeout(r, 0))
  const win = h.windows[0]!

  it('creates one window with the security checklist', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.js$/)
  })

  it('blocks navigation and new windows', () => {
    const handler = (win.contents.setWindowOpenHandler as ReturnType<typeof vi.fn>).mock
      .calls[0]![0] as () => unknown
    expect(handler()).toEqual({ action: 'deny' })
    const event = { preventDefault: vi.fn() }
    win.contents.emit('will-navigate', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies permission requests and sends a strict CSP without unsafe-eval', () => {
    const cb = vi.fn()
    h.permission!(null, 'media', cb)
    expect(cb).toHaveBeenCalledWith(false)
    expect(h.permissionCheck!()).toBe(false)
    let headers: Record<string, string[]> = {}
    h.headers!(
      { responseHeaders: {} },
      (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders)
    )
    const csp = headers['Content-Security-Policy']![0]!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-eval/)
  })

  it('binds the API on prefixed IPC channels', () => {
    expect(h.handled.length).toBeGreaterThan(0)
    expect(h.handled.every((ch) => ch.startsWith('poolscope:'))).toBe(true)
  })

  it('quits when the last window closes, after ending every run', async () => {
    h.app.emit('window-all-closed')
    expect(h.app.quit).toHaveBeenCalledTimes(1)
    const event = { preventDefault: vi.fn() }
    h.app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled() // shutdown first, then quit again
    await new Promise((r) => setTimeout(r, 10))
    expect(h.app.quit).toHaveBeenCalledTimes(2)
  })
})
