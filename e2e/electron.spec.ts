// The packaged app in a real Electron window (under xvfb-run). Needs the Electron binary: on
// machines where it cannot be downloaded, run with ELECTRON_OVERRIDE_DIST_PATH=<dir of electron>.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ElectronApplication, Page } from '@playwright/test'
import { _electron as electron, expect, test } from '@playwright/test'
import { isAlive, processesTaggedWith } from '../src/main/core/procfs'
import { parseNativeTrace } from '../src/main/core/trace/parseNativeTrace'
import { ppidOf } from './serveHost'

function electronBinary(): string | null {
  const dir = resolve('node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron'
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const bin = override ? join(override, rel) : join(dir, 'dist', rel)
  return existsSync(bin) ? bin : null
}

const binary = electronBinary()
const reason =
  'SKIPPED: no Electron binary on this machine (it is downloaded from GitHub on first use, which is not reachable here). ' +
  'Run it where Electron is installed, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding the electron binary.'

test.skip(!binary, reason)
if (!binary) console.warn(`\n[electron.spec] ${reason}\n`)

test('the desktop app runs hello and leaves no child behind', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve('out/main/index.js')]
  })
  const hostPid = await app.evaluate(() => process.pid)
  const page = await app.firstWindow()
  await page.getByRole('option', { name: 'Hello, process' }).click()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toContainText('finished', { timeout: 20_000 })
  await expect(page.getByTestId('proc-pid').first()).toHaveText(/^\d+$/)
  await app.close()
  expect(processesTaggedWith(hostPid)).toEqual([])
})

/** Waits (briefly: children notice a gone parent within a watch period) until none is left. */
async function childrenLeft(hostPid: number): Promise<number[]> {
  for (let i = 0; i < 40 && processesTaggedWith(hostPid).length > 0; i++)
    await new Promise((r) => setTimeout(r, 50))
  return processesTaggedWith(hostPid)
}

async function launchApp(): Promise<{ app: ElectronApplication; page: Page; hostPid: number }> {
  // Exports are written by the main process to the path its save dialog gives (stubbed below),
  // not by Chromium's download manager: no download is left to Playwright.
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve('out/main/index.js')],
    acceptDownloads: false
  })
  const hostPid = await app.evaluate(() => process.pid)
  const page = await app.firstWindow()
  return { app, page, hostPid }
}

async function startQueue(page: Page, pace: string): Promise<void> {
  await page.getByRole('option', { name: 'Queue', exact: true }).click()
  await page.getByRole('textbox', { name: 'pace', exact: true }).fill(pace)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toContainText('queue')
}

test("queue: the PIDs shown are the host's live children, the exported trace holds them, quit leaves none", async () => {
  test.setTimeout(120_000)
  const { app, page, hostPid } = await launchApp()
  await startQueue(page, '3')
  await expect(page.getByTestId('host-pid')).toHaveText(String(hostPid))
  // While the run is slowed down, every PID the table shows that is still alive must be a
  // child of the Electron main process, by /proc.
  const seenAlive = new Set<number>()
  const status = page.getByTestId('run-status')
  while (!/finished|failed|stopped/.test((await status.textContent()) ?? '')) {
    for (const text of await page.getByTestId('proc-pid').allTextContents()) {
      const pid = Number(text)
      const ppid = await ppidOf(pid)
      if (ppid === null) continue
      expect(ppid, `parent of pid ${pid}`).toBe(hostPid)
      seenAlive.add(pid)
    }
    await page.waitForTimeout(50)
  }
  await expect(status).toContainText('finished')
  await expect(page.getByRole('heading', { name: 'Verdict: passed' })).toBeVisible()
  const shown = (await page.getByTestId('proc-pid').allTextContents()).map(Number).sort()
  expect(shown).toHaveLength(3) // the tutorial's 3 senders
  expect(seenAlive.size, 'PIDs seen alive in /proc during the run').toBeGreaterThan(0)

  // Export the native trace from the header's menu: the main process asks where to save (the
  // dialog answers a temporary path here) and streams the trace there atomically.
  const saveTo = join(mkdtempSync(join(tmpdir(), 'poolscope-e2e-')), 'picked.poolscope.json')
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const opts = args.at(-1) as { defaultPath?: string }
      ;(globalThis as { suggested?: string }).suggested = opts.defaultPath
      return { canceled: false, filePath: path }
    }) as typeof dialog.showSaveDialog
  }, saveTo)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('menuitem', { name: 'PoolScope trace (.poolscope.json)' }).click()
  await expect.poll(() => existsSync(saveTo), { timeout: 10_000 }).toBe(true)
  const suggested = await app.evaluate(() => (globalThis as { suggested?: string }).suggested)
  expect(suggested).toMatch(/^queue-run-[0-9a-f]+-\d+\.poolscope\.json$/)
  const trace = parseNativeTrace(readFileSync(saveTo, 'utf8'))
  expect(trace.meta).toMatchObject({ scenario: 'queue', hostPid })
  expect(trace.status).toBe('finished')
  const spawned = trace.events.flatMap((e) => (e.type === 'proc.spawn' ? [e] : []))
  expect(spawned.map((e) => e.pid).sort()).toEqual(shown)
  expect(spawned.every((e) => e.ppid === hostPid)).toBe(true)

  await app.close()
  expect(await childrenLeft(hostPid)).toEqual([])
  expect(shown.filter(isAlive)).toEqual([])
})

test('quitting during a run leaves no child behind', async () => {
  const { app, page, hostPid } = await launchApp()
  await startQueue(page, '20') // senders linger for seconds
  await expect(page.getByTestId('proc-pid').first()).toHaveText(/^\d+$/)
  const pids = (await page.getByTestId('proc-pid').allTextContents()).map(Number)
  expect(pids.some(isAlive), 'a child of the run is alive when the app quits').toBe(true)
  await app.close()
  expect(await childrenLeft(hostPid)).toEqual([])
  expect(pids.filter(isAlive)).toEqual([])
})

test('closing the window during a run quits the app and leaves no child behind', async () => {
  const { app, page, hostPid } = await launchApp()
  await startQueue(page, '20')
  await expect(page.getByTestId('proc-pid').first()).toHaveText(/^\d+$/)
  const pids = (await page.getByTestId('proc-pid').allTextContents()).map(Number)
  expect(pids.some(isAlive), 'a child of the run is alive when the window closes').toBe(true)
  // The last window closing quits the app (window-all-closed), which stops the run first.
  const quit = app.waitForEvent('close', { timeout: 30_000 })
  await page.close()
  await quit
  expect(await childrenLeft(hostPid)).toEqual([])
  expect(pids.filter(isAlive)).toEqual([])
})
