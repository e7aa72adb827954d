// The whole path in a real browser: UI → WebSocket → core → a real forked child → back to the UI.
import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
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
