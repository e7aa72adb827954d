// The diagram view in Chromium through serve mode: for the queue and lock scenarios it names
// every PID that the Processes view shows, the queue's final depth, and the lock's holder as the
// host's events say; at 256 processes and during pipe-vs-queue its frame times are measured
// and reported (test-results/diagram-frames.json).
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { frameStats, installFrameMeter, resetFrames } from './frameMeter'
import { launchScenario } from './launchScenario'
import type { RunWatcher } from './runWatcher'
import { watchRuns } from './runWatcher'
import type { ServeHost } from './serveHost'
import { startServeHost } from './serveHost'

let host: ServeHost
let watcher: RunWatcher
const frames: Record<string, { frames: number; worstMs: number; p95Ms: number }> = {}

test.beforeAll(async () => {
  host = await startServeHost()
  watcher = await watchRuns(host.url)
})

test.afterAll(async () => {
  watcher.close()
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/diagram-frames.json', JSON.stringify(frames, null, 2))
  console.log('diagram frames (ms):', JSON.stringify(frames))
  expect(await host.stop(), 'processes left after the host stopped').toEqual([])
})

test.describe.configure({ mode: 'serial' })

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click()
const box = (page: Page, name: RegExp) => page.getByRole('button', { name })

async function shownPids(page: Page): Promise<number[]> {
  await tab(page, 'Processes')
  const host = Number(await page.getByTestId('host-pid').textContent())
  const children = (await page.getByTestId('proc-pid').allTextContents()).map(Number)
  return [host, ...children]
}

test('queue: the diagram names every PID of the Processes view and the queue’s final depth', async ({
  page
}) => {
  await page.goto(host.url)
  const runId = await launchScenario(page, { id: 'queue', title: 'Queue', params: { pace: '1' } })
  await watcher.ended(runId)
  await expect(page.getByTestId('run-status')).toContainText('finished')
  const pids = await shownPids(page)
  expect(pids).toHaveLength(4)
  await tab(page, 'Diagram')
  for (const pid of pids) await expect(box(page, new RegExp(`PID ${pid},`))).toBeVisible()
  // the tutorial's lesson: one message is left unread
  await expect(box(page, /^queue queue: depth 1 \(unbounded\)$/)).toBeVisible()
  // the timeline draws the three puts and the two gets, each get linked to its put
  await tab(page, 'Timeline')
  await expect(page.locator('.queue-mark[data-op="put"]')).toHaveCount(3)
  await expect(page.locator('.queue-mark[data-op="get"]')).toHaveCount(2)
  await expect(page.locator('.queue-link')).toHaveCount(2)
  await expect(page.getByRole('img', { name: /^got message 1 from queue: depth/ })).toBeVisible()
  await tab(page, 'Diagram')
  // choosing a box filters the console to that process
  const sender = pids[1]!
  await box(page, new RegExp(`PID ${sender},`)).click()
  await expect(page.getByRole('combobox', { name: 'Process' })).toHaveValue(String(sender))
  await expect(page.getByRole('status').filter({ hasText: `PID ${sender}` })).toBeVisible()
})

test('lock: the holder the diagram shows changes as the host’s events say', async ({ page }) => {
  await page.goto(host.url)
  const runId = await launchScenario(page, {
    id: 'lock',
    title: 'Lock',
    // holds of about a second: longer than the diagram's redraw period (it follows a live run
    // a few times a second)
    params: { jitterMs: '150', pace: '3' }
  })
  await tab(page, 'Diagram')
  const lock = box(page, /^lock lock: /)
  const seen: string[] = []
  while (!watcher.events(runId).some((e) => e.type === 'run.end')) {
    const name = (await lock.getAttribute('aria-label', { timeout: 500 }).catch(() => null)) ?? ''
    const holder = /held by PID (\d+)/.exec(name)?.[1]
    if (holder && seen.at(-1) !== holder) seen.push(holder)
  }
  const events = await watcher.ended(runId)
  const acquired = events.flatMap((e) => (e.type === 'lock.acquire' ? [String(e.pid)] : []))
  expect(acquired).toHaveLength(3)
  // what the diagram showed is the acquire order (a hold shorter than a poll may be missed)
  expect(seen.length).toBeGreaterThanOrEqual(2)
  expect(acquired.filter((p) => seen.includes(p))).toEqual(seen)
  await expect(lock).toHaveAccessibleName('lock lock: free')
  for (const pid of await shownPids(page)) {
    await tab(page, 'Diagram')
    await expect(box(page, new RegExp(`PID ${pid},`))).toBeVisible()
  }
})

test('256 processes: folded into one group, opened, zoomed to fit; frame times reported', async ({
  page
}) => {
  test.setTimeout(240_000)
  await installFrameMeter(page)
  await page.goto(host.url)
  await page.getByRole('option', { name: 'Creating processes', exact: true }).click()
  await page.getByRole('textbox', { name: 'processes', exact: true }).fill('256')
  await page.getByRole('textbox', { name: 'pace', exact: true }).fill('0.1')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toContainText('process')
  await tab(page, 'Diagram')
  await resetFrames(page)
  const runId = /run-[0-9a-f]+-\d+/.exec((await status.textContent()) ?? '')![0]
  await watcher.ended(runId, 200_000)
  const group = box(page, /256 × child/).or(page.getByRole('group', { name: /256 × child/ }))
  await expect(group).toBeVisible({ timeout: 30_000 })
  frames['process ×256, live, folded'] = await frameStats(page)
  await resetFrames(page)
  await page.getByRole('button', { name: 'Show each' }).click()
  await expect(page.locator('.react-flow__node')).toHaveCount(257, { timeout: 30_000 })
  await page.getByRole('button', { name: 'Fit View' }).click()
  await page.mouse.move(600, 500)
  await page.mouse.wheel(0, -400)
  await page.waitForTimeout(1000)
  frames['process ×256, opened, fit and zoom'] = await frameStats(page)
})

test('pipe-vs-queue: frame times with the diagram open during the run', async ({ page }) => {
  test.setTimeout(180_000)
  await installFrameMeter(page)
  await page.goto(host.url)
  await page.getByRole('option', { name: 'Pipe vs Queue speed', exact: true }).click()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toContainText('pipe-vs-queue')
  await tab(page, 'Diagram')
  await resetFrames(page)
  const runId = /run-[0-9a-f]+-\d+/.exec((await status.textContent()) ?? '')![0]
  await watcher.ended(runId, 150_000)
  await expect(box(page, /^pipe /).first()).toBeVisible()
  await expect(box(page, /^queue /).first()).toBeVisible()
  frames['pipe-vs-queue, live'] = await frameStats(page)
})
