// The whole path in a real browser: UI → WebSocket → core → a real forked child → back to the UI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { checkChromeTrace } from '../src/main/core/trace/checkChromeTrace'
import { parseNativeTrace } from '../src/main/core/trace/parseNativeTrace'
import type { ServeHost } from './serveHost'
import { ppidOf, startServeHost } from './serveHost'

let host: ServeHost

test.beforeAll(async () => {
  host = await startServeHost()
})

test.afterAll(async () => {
  const left = await host.stop()
  expect(left, 'processes left after the host stopped').toEqual([])
})

test('runs hello from the UI and shows the real PID of the forked child', async ({ page }) => {
  await page.goto(host.url)
  await page.getByRole('option', { name: 'Hello, process' }).click()
  // Slow motion: the child lingers for 2 s, so /proc can be checked while it lives.
  await page.getByRole('textbox', { name: 'pace' }).fill('10')
  await page.getByRole('button', { name: 'Run', exact: true }).click()

  const pidCell = page.getByTestId('proc-pid').first()
  await expect(pidCell).toHaveText(/^\d+$/)
  const childPid = Number(await pidCell.textContent())
  expect(childPid).not.toBe(host.pid)
  // The PID shown is a live process right now, and its parent is the host that serves us.
  expect(await ppidOf(childPid)).toBe(host.pid)
  await expect(page.getByTestId('host-pid')).toHaveText(String(host.pid))
  await expect(page.getByRole('columnheader', { name: 'PPID', exact: true })).toBeVisible()

  // The child's own words, captured from its stdout, name the same PIDs.
  await expect(page.getByRole('log')).toContainText(
    `hello from pid ${childPid}, parent pid ${host.pid}`
  )
  await expect(page.getByTestId('run-status')).toContainText('finished', { timeout: 20_000 })
  await expect(page.getByRole('heading', { name: 'Verdict: passed' })).toBeVisible()
  expect(await ppidOf(childPid)).toBeNull() // exited and reaped

  mkdirSync('test-results/screenshots', { recursive: true })
  await page.screenshot({ path: 'test-results/screenshots/hello.png', fullPage: true })
})

test('flags an out-of-range parameter in place and disables Run', async ({ page }) => {
  await page.goto(host.url)
  await page.getByRole('option', { name: 'Hello, process' }).click()
  await page.getByRole('textbox', { name: 'pace' }).fill('1000')
  await expect(page.getByRole('alert')).toContainText(
    "parameter 'pace' must be between 0.1 and 100"
  )
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled()
})

test('exports a run in each format as a download from the host, then opens it again as a replay', async ({
  page
}) => {
  await page.goto(host.url)
  await page.getByRole('option', { name: 'Hello, process' }).click()
  await page.getByRole('textbox', { name: 'pace' }).fill('0.1')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toContainText('finished', { timeout: 20_000 })
  const childPid = Number(await page.getByTestId('proc-pid').first().textContent())

  const download = async (item: string): Promise<{ name: string; text: string }> => {
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: item }).click()
    ])
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') }
  }
  const native = await download('PoolScope trace (.poolscope.json)')
  expect(native.name).toMatch(/^hello-run-[0-9a-f]+-\d+\.poolscope\.json$/)
  const trace = parseNativeTrace(native.text)
  expect(trace.meta).toMatchObject({ scenario: 'hello', hostPid: host.pid })
  const spawned = trace.events.flatMap((e) => (e.type === 'proc.spawn' ? [e] : []))
  expect(spawned.map((e) => [e.pid, e.ppid])).toEqual([[childPid, host.pid]])
  await expect(page.getByRole('status')).toContainText(`Export started: ${native.name}`)

  const chrome = await download('Chrome / Perfetto JSON (.trace.json)')
  expect(chrome.name).toMatch(/\.trace\.json$/)
  expect(checkChromeTrace(chrome.text)).toEqual([])
  expect(chrome.text).toContain(`"pid":${childPid}`)
  const csv = await download('CSV')
  expect(csv.text.split('\n')[0]).toMatch(/^table,time_ms,core,cpu_percent,pid,/)

  // Open the saved file again: a replay of the same run, with the same child
  mkdirSync('test-results', { recursive: true })
  const saved = `test-results/${native.name}`
  writeFileSync(saved, native.text)
  await page.locator('input[type=file]').setInputFiles(saved)
  await expect(page.getByRole('group', { name: 'Replay' })).toBeVisible()
  await expect(page.getByTestId('proc-pid').first()).toHaveText(String(childPid))
})
