// The explorer in Chromium through serve mode, against real processes the test starts: a tree
// (bash → sleep ×3) is found by filtering, watched (its processes in the Processes and Timeline
// views, its Chrome trace valid), left running when the watch stops, and then signalled as a
// subtree: refused by a host started without --allow-signals, and gone, all four, after a
// TERM from a host started with it.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { startTree } from '../src/main/core/explorer/testTree'
import type { TestTree } from '../src/main/core/explorer/testTree'
import { isAlive } from '../src/main/core/procfs'
import { checkChromeTrace } from '../src/main/core/trace/checkChromeTrace'
import type { ServeHost } from './serveHost'
import { startServeHost } from './serveHost'

let host: ServeHost
let plain: ServeHost

test.describe.configure({ mode: 'serial' })
test.skip(process.platform !== 'linux', 'the test tree is read back from /proc')

test.beforeAll(async () => {
  host = await startServeHost(0, ['--allow-signals'])
  plain = await startServeHost()
})

test.afterAll(async () => {
  expect(await host.stop(), 'processes left after the host stopped').toEqual([])
  expect(await plain.stop(), 'processes left after the host stopped').toEqual([])
})

/** bash and three sleeps with a duration no other process on the machine has. */
async function sleepTree(): Promise<{ tree: TestTree; marker: string; pids: number[] }> {
  const marker = `sleep ${300 + Math.floor(Math.random() * 9_000_000)}`
  const tree = await startTree(
    `${marker} & echo $!; ${marker} & echo $!; ${marker} & echo $!; echo ready; wait`
  )
  return { tree, marker, pids: [tree.pid, ...tree.children] }
}

/** Opens the explorer, filters it to `marker` and selects `pid` (focus on the list). */
async function findInExplorer(page: Page, marker: string, pids: number[]): Promise<void> {
  await page.getByRole('button', { name: 'Explorer', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Filter the machine’s processes' }).fill(marker)
  const list = page.getByLabel('Processes of this machine', { exact: true })
  // bash's command line holds the marker too: the filter shows the whole tree and nothing else
  await expect(list.locator('tbody tr[data-pid]')).toHaveCount(pids.length, { timeout: 20_000 })
  for (const pid of pids) await expect(list.locator(`tr[data-pid="${pid}"]`)).toBeVisible()
  await list.locator(`tr[data-pid="${pids[0]}"]`).click()
}

test('filters to a running tree, watches it (Processes, Timeline), stops, exports a Chrome trace', async ({
  page
}) => {
  test.setTimeout(120_000)
  const { tree, marker, pids } = await sleepTree()
  try {
    await page.goto(host.url)
    await findInExplorer(page, marker, pids)
    // the tree's shape as the explorer read it from /proc
    const list = page.getByLabel('Processes of this machine', { exact: true })
    for (const pid of tree.children)
      await expect(list.locator(`tr[data-pid="${pid}"] td`).nth(1)).toHaveText(String(tree.pid))

    await page.getByRole('button', { name: 'Watch', exact: true }).click()
    await expect(page.getByRole('tab', { name: 'Processes', exact: true })).toHaveAttribute(
      'aria-selected',
      'true'
    )
    await expect(page.getByTestId('run-status')).toContainText('running')
    const shown = page.getByTestId('proc-pid')
    await expect(shown).toHaveCount(4, { timeout: 20_000 })
    expect((await shown.allTextContents()).map(Number).sort()).toEqual([...pids].sort())

    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    const timeline = page.getByRole('region', { name: 'Timeline' })
    await expect(timeline.getByText(`${tree.pid} bash`, { exact: true })).toBeVisible()
    for (const pid of tree.children)
      await expect(timeline.getByText(`${pid} sleep`, { exact: true })).toBeVisible()

    // Stopping the watch leaves them running: they are not PoolScope's.
    await page.getByRole('button', { name: 'Stop', exact: true }).click()
    await expect(page.getByTestId('run-status')).toContainText('stopped', { timeout: 20_000 })
    for (const pid of pids) expect(isAlive(pid), `pid ${pid} after the watch stopped`).toBe(true)

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Chrome / Perfetto JSON (.trace.json)' }).click()
    ])
    const chrome = readFileSync((await file.path())!, 'utf8')
    expect(file.suggestedFilename()).toMatch(/^attach-.*\.trace\.json$/)
    expect(checkChromeTrace(chrome)).toEqual([])
    for (const pid of pids) expect(chrome).toContain(`"pid":${pid}`)
  } finally {
    await tree.kill()
  }
})

test('a subtree signal: refused without --allow-signals; with it, TERM leaves none of the tree', async ({
  page
}) => {
  test.setTimeout(120_000)
  const { tree, marker, pids } = await sleepTree()
  const bashGone = new Promise<void>((r) => tree.bash.once('exit', () => r()))
  try {
    const signalSubtree = async (): Promise<void> => {
      await page.keyboard.press('k')
      const dialog = page.getByRole('dialog', { name: `Signal PID ${tree.pid}` })
      await dialog.getByRole('checkbox', { name: 'The whole subtree' }).check()
      // the confirmation names every process it will hit
      await expect(dialog).toContainText('SIGTERM will be sent to 4 process(es)')
      for (const pid of pids) await expect(dialog.getByText(new RegExp(`^${pid} `))).toBeVisible()
      await dialog.getByRole('button', { name: 'Send SIGTERM' }).click()
    }

    await page.goto(plain.url)
    await findInExplorer(page, marker, pids)
    await signalSubtree()
    await expect(page.getByRole('alert')).toContainText(
      'refused: signals are off on this host (serve was started without --allow-signals)'
    )
    for (const pid of pids) expect(isAlive(pid), `pid ${pid} after a refusal`).toBe(true)

    await page.goto(host.url)
    await findInExplorer(page, marker, pids)
    await signalSubtree()
    await expect(page.getByRole('status')).toContainText('SIGTERM sent to 4 process(es)')
    await bashGone
    await expect
      .poll(() => pids.filter(isAlive), { timeout: 15_000, message: 'tree members alive' })
      .toEqual([])
    // and the explorer sees them end (marked for a moment, then gone)
    const list = page.getByLabel('Processes of this machine', { exact: true })
    await expect(list.locator('tbody tr[data-pid]')).toHaveCount(0, { timeout: 20_000 })
  } finally {
    await tree.kill()
  }
})
