// The Electron face: one window on the PoolScope API; every child process ends with the app.
import { app, BrowserWindow, ipcMain, session } from 'electron'
import type { WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { killAllChildren } from './core/child/liveChildren'
import { PoolScopeService } from './core/host/PoolScopeService'
import { bindIpc } from './ipc'
import { ELECTRON_CSP } from './csp'

const service = new PoolScopeService({ explorer: { allowSignals: true } })
const windows = new Set<WebContents>()
const rendererFile = join(__dirname, '../renderer/index.html')
const devUrl = process.env.ELECTRON_RENDERER_URL

function isOwnUrl(url: string): boolean {
  if (devUrl && !app.isPackaged && url.startsWith(devUrl)) return true
  return url.split(/[?#]/)[0] === pathToFileURL(rendererFile).href
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
  else void win.loadFile(rendererFile)
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

let shutDown = false
app.on('before-quit', (event) => {
  if (shutDown) return
  event.preventDefault()
  shutDown = true
  void service.shutdown().finally(() => {
    killAllChildren()
    app.quit()
  })
})
process.on('exit', killAllChildren)
