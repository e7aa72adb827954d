// The Electron face: one window on the PoolScope API; every child process ends with the app.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session } from 'electron'
import type { WebContents } from 'electron'
import { join } from 'node:path'
import { killAllChildren } from './core/child/liveChildren'
import { PoolScopeService } from './core/host/PoolScopeService'
import { ShutdownCoordinator } from './core/host/ShutdownCoordinator'
import { bindIpc } from './ipc'
import { ELECTRON_CSP } from './csp'
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  appProtocolHandler,
  devApiRequest,
  isAppUrl
} from './routes/appProtocol'
import { isExportUrl, saveExport } from './routes/saveExport'
import { dialogPicker } from './pathPicker'

const service = new PoolScopeService({
  explorer: { allowSignals: true },
  pickPath: dialogPicker(
    dialog,
    () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]!
  )
})
const windows = new Set<WebContents>()
const rendererDir = join(__dirname, '../renderer')
const devUrl = process.env.ELECTRON_RENDERER_URL

// The page is served from poolscope://app (not file://), with the trace routes serve mode has:
// registered before the app is ready, as Electron requires.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

function isOwnUrl(url: string): boolean {
  if (devUrl && !app.isPackaged && url.startsWith(devUrl)) return true
  return isAppUrl(url)
}

/** The page's export link, taken over: saved where the user picks, by the CLI's writer. */
function saveDownload(url: string, contents: WebContents | undefined): void {
  const win = contents && BrowserWindow.fromWebContents(contents)
  const choose = async (defaultPath: string): Promise<string | undefined> => {
    const r = win
      ? await dialog.showSaveDialog(win, { defaultPath })
      : await dialog.showSaveDialog({ defaultPath })
    return r.canceled ? undefined : r.filePath
  }
  saveExport(service, url, choose).catch((err: unknown) =>
    dialog.showErrorBox('PoolScope', err instanceof Error ? err.message : String(err))
  )
}

function createWindow(): void {
  // Options stay literal here so that static checkers (Electronegativity) can see them.
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'PoolScope',
    icon: join(__dirname, '../../resources/icon.png'),
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  const contents = win.webContents
  windows.add(contents)
  contents.once('destroyed', () => windows.delete(contents))
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  if (devUrl && !app.isPackaged) void win.loadURL(devUrl)
  else void win.loadURL(APP_URL)
}

app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
})

void app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] }
    })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
  const appHandler = appProtocolHandler(service, rendererDir)
  protocol.handle(APP_SCHEME, appHandler)
  if (devUrl && !app.isPackaged) {
    // the dev server's page: its trace routes are answered here, everything else by the server
    protocol.handle('http', (request) => {
      const api = devApiRequest(devUrl, request)
      return api ? appHandler(api) : net.fetch(request, { bypassCustomProtocolHandlers: true })
    })
  }
  // No download is left to Chromium: our exports are written by saveExport, others refused.
  session.defaultSession.on('will-download', (event, item, contents) => {
    event.preventDefault()
    if (isExportUrl(item.getURL())) saveDownload(item.getURL(), contents)
  })
  bindIpc({
    ipcMain,
    service,
    isOwnUrl,
    isOwnWindow: (contents) => windows.has(contents),
    log: (message) => console.warn(`[poolscope ipc] ${message}`)
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

// Closing the last window quits on every platform: PoolScope's runs belong to its window.
app.on('window-all-closed', () => app.quit())

// Quitting (the last window, the menu, SIGINT/SIGTERM) first ends every run, then quits again.
const shutdown = new ShutdownCoordinator({ onSignal: () => app.quit() })
  .add(() => service.shutdown())
  .add(killAllChildren)
app.on('before-quit', (event) => {
  if (shutdown.started) return
  event.preventDefault()
  void shutdown.shutdown().then(() => app.quit())
})
process.on('exit', killAllChildren)
