// The Electron face with 'electron' faked: the window's security settings, navigation and
// window.open blocked, permissions denied, the CSP header, the poolscope:// scheme with the trace
// routes, exports saved through the save dialog, and quitting when windows close.
import type { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { syntheticTrace } from '../../test/core/trace/syntheticTrace'
import { nativeTraceText } from './core/trace/nativeTrace'
import { ELECTRON_CSP } from './csp'

const h = vi.hoisted(() => {
  const state = {
    windows: [] as {
      options: Record<string, unknown>
      contents: EventEmitter & Record<string, unknown>
      window: { loadURL: (url: string) => Promise<void> }
    }[],
    app: undefined as unknown as EventEmitter & Record<string, unknown>,
    headers: undefined as undefined | ((d: unknown, cb: (r: unknown) => void) => void),
    permission: undefined as
      undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    handled: [] as string[],
    privileged: [] as unknown[],
    protocols: new Map<string, (req: Request) => Promise<Response>>(),
    session: undefined as unknown as EventEmitter,
    savePath: undefined as string | undefined,
    saveDialogs: [] as unknown[],
    openDialogs: [] as unknown[][],
    ipcListeners: new Map<string, (event: unknown, msg: unknown) => void>(),
    errors: [] as string[]
  }
  return state
})

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  h.app = new EventEmitter() as EventEmitter & Record<string, unknown>
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => h.windows
    static getFocusedWindow = () => h.windows[0]?.window ?? null
    static fromWebContents = () => undefined
    webContents: EventEmitter & Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      super()
      const contents = new EventEmitter() as EventEmitter & Record<string, unknown>
      contents.setWindowOpenHandler = vi.fn()
      this.webContents = contents
      h.windows.push({ options, contents, window: this })
    }
    loadFile = vi.fn(async () => {})
    loadURL = vi.fn(async () => {})
    show = vi.fn()
  }
  Object.assign(h.app, { whenReady: () => Promise.resolve(), quit: vi.fn(), isPackaged: false })
  h.session = new EventEmitter()
  return {
    app: h.app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => h.privileged.push(...schemes),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) =>
        h.protocols.set(scheme, fn)
    },
    dialog: {
      showSaveDialog: (opts: unknown) => {
        h.saveDialogs.push(opts)
        return Promise.resolve({ canceled: !h.savePath, filePath: h.savePath })
      },
      showErrorBox: (_title: string, message: string) => h.errors.push(message),
      showOpenDialog: (...args: unknown[]) => {
        h.openDialogs.push(args)
        return Promise.resolve({ canceled: false, filePaths: ['/home/me/prog.py'] })
      }
    },
    ipcMain: {
      handle: (ch: string) => h.handled.push(ch),
      on: (ch: string, fn: (event: unknown, msg: unknown) => void) => {
        h.handled.push(ch)
        h.ipcListeners.set(ch, fn)
      },
      removeHandler: vi.fn(),
      removeAllListeners: vi.fn()
    },
    session: {
      defaultSession: {
        on: (event: string, fn: (...args: unknown[]) => void) => h.session.on(event, fn),
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

  it('serves the page from the privileged poolscope:// scheme, with the Electron CSP', async () => {
    expect(h.privileged).toEqual([
      {
        scheme: 'poolscope',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true }
      }
    ])
    expect(win.window.loadURL).toHaveBeenCalledWith('poolscope://app/index.html')
    const handler = h.protocols.get('poolscope')!
    const page = await handler(new Request('poolscope://app/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(ELECTRON_CSP)
  })

  it('saves an export link through the save dialog, written by the atomic writer; refuses other downloads', async () => {
    const handler = h.protocols.get('poolscope')!
    const text = [...nativeTraceText(syntheticTrace(200))].join('')
    const opened = await handler(
      new Request('poolscope://app/api/open?name=t.json', { method: 'POST', body: text })
    )
    const { id } = (await opened.json()) as { id: string }
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-electron-'))
    h.savePath = join(dir, 'picked.trace.json')
    const download = (url: string) => {
      const event = { preventDefault: vi.fn() }
      h.session.emit('will-download', event, { getURL: () => url }, win.contents)
      return event
    }
    const taken = download(`poolscope://app/api/export?run=${id}&format=chrome`)
    expect(taken.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(existsSync(h.savePath!)).toBe(true))
    expect(h.saveDialogs).toEqual([{ defaultPath: expect.stringMatching(/\.trace\.json$/) }])
    const chrome = JSON.parse(readFileSync(h.savePath, 'utf8')) as { traceEvents: unknown[] }
    expect(chrome.traceEvents.length).toBeGreaterThan(0)
    // a run that is not there: said in an error box, nothing asked
    download('poolscope://app/api/export?run=run-404&format=chrome')
    await vi.waitFor(() => expect(h.errors).toEqual(["no run with id 'run-404'"]))
    expect(h.saveDialogs).toHaveLength(1)
    const other = download('https://example.com/file.zip')
    expect(other.preventDefault).toHaveBeenCalled()
    expect(h.saveDialogs).toHaveLength(1)
    rmSync(dir, { recursive: true, force: true })
  })

  it('binds the API on prefixed IPC channels (the channel listens on one)', () => {
    expect(h.handled.length).toBeGreaterThan(0)
    expect(h.handled.every((ch) => ch.startsWith('poolscope:'))).toBe(true)
  })

  it("the watch form's Choose…: the main process shows the open dialog on the window, through the channel", async () => {
    const sent: unknown[] = []
    Object.assign(win.contents, {
      send: (_ch: string, msg: unknown) => sent.push(msg),
      isDestroyed: () => false
    })
    const listener = h.ipcListeners.get('poolscope:channel')!
    const event = {
      sender: win.contents,
      senderFrame: { parent: null, url: 'poolscope://app/index.html' }
    }
    listener(event, { kind: 'call', id: 1, method: 'programSupport' })
    listener(event, { kind: 'call', id: 2, method: 'pickPath', input: { kind: 'file' } })
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    const byId = new Map((sent as { id: number; value: unknown }[]).map((m) => [m.id, m.value]))
    expect(byId.get(1)).toMatchObject({ picker: true })
    expect(byId.get(2)).toEqual({ path: '/home/me/prog.py' })
    expect(h.openDialogs).toHaveLength(1)
    const [shownOn, options] = h.openDialogs[0]!
    expect(shownOn).toBe(win.window)
    expect(options).toMatchObject({ properties: ['openFile'] })
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

  it('SIGTERM quits the app through the same path (the face owns the signal)', () => {
    const quits = vi.mocked(h.app.quit as () => void).mock.calls.length
    process.emit('SIGTERM')
    expect(h.app.quit).toHaveBeenCalledTimes(quits + 1)
  })
})
