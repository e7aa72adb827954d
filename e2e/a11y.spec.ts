// Accessibility measured by a tool: axe-core audits every view — the launcher, the explorer, each
// tab of a finished run (side by side included), and a replay — in light and dark, English and
// Korean, with one page load per theme × language. No serious or critical violation may remain;
// the per-view counts by impact are printed and written to test-results/a11y.json. The Korean
// passes take the Korean screenshot of every view (test-results/screenshots/ko-*.png).
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { audit } from './axeAudit'
import { launchScenario } from './launchScenario'
import { screenshot } from './screenshots'
import type { RunWatcher } from './runWatcher'
import type { ServeHost } from './serveHost'
import { startServed, stopServed } from './served'
import { LONG_TESTS } from '../test/longTests'

const TABS = ['processes', 'cpu', 'queues', 'timeline', 'diagram', 'sideBySide'] as const
// Each theme and each language is audited by default (light English, dark Korean: ~35 s);
// POOLSCOPE_LONG_TESTS=1 audits all four pairs.
const COMBINATIONS: (readonly ['light' | 'dark', 'en' | 'ko'])[] = LONG_TESTS
  ? [
      ['light', 'en'],
      ['light', 'ko'],
      ['dark', 'en'],
      ['dark', 'ko']
    ]
  : [
      ['light', 'en'],
      ['dark', 'ko']
    ]

let host: ServeHost
let watcher: RunWatcher

test.beforeAll(async () => ({ host, watcher } = await startServed()))

test.afterAll(() => stopServed({ host, watcher }))

/** The tab's panel has rendered (deferred) and what it draws late has come. */
async function showTab(page: Page, id: (typeof TABS)[number]): Promise<void> {
  await page.locator(`#tab-${id}`).click()
  await expect(page.locator(`#panel-${id}`)).toHaveAttribute('aria-busy', 'false')
  if (id === 'diagram') await expect(page.locator('.react-flow__node').first()).toBeVisible()
  if (id === 'cpu' || id === 'queues')
    await expect(page.locator(`#panel-${id} .recharts-surface`).first()).toBeVisible()
}

test('axe: every view in light and dark, English and Korean, has no serious or critical violation', async ({
  page
}) => {
  test.setTimeout(600_000)
  // the runs the views show: a queue run, a pipe run to compare it with, and a replay
  await page.goto(host.url)
  const pipe = await launchScenario(page, { id: 'pipe', title: 'Pipe', params: { pace: '1' } })
  await watcher.ended(pipe)
  const queue = await launchScenario(page, { id: 'queue', title: 'Queue', params: { pace: '1' } })
  await watcher.ended(queue)
  await expect(page.getByTestId('run-status')).toContainText('finished')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'PoolScope trace (.poolscope.json)' }).click()
  ])
  await page.locator('input[type=file]').setInputFiles((await file.path())!)
  await expect(page.getByRole('group', { name: 'Replay' })).toBeVisible()

  const results: Record<string, Record<string, number>> = {}
  const failures: string[] = []
  for (const [scheme, lang] of COMBINATIONS) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    await page.goto(host.url)
    await page.locator('.lang select').selectOption(lang)
    const runs = page.locator('.history .runs button')
    await expect(runs).toHaveCount(3)
    const record = async (view: string, within?: string): Promise<void> => {
      const key = `${scheme} ${lang} ${view}`
      // the Korean screenshot of every view, as a Korean reader sees it (fonts-noto-cjk)
      if (lang === 'ko') await screenshot(page, `ko-${scheme}-${view.replace(/ /g, '-')}`)
      const t0 = Date.now()
      const f = await audit(page, within)
      results[key] = { ...f.counts, ms: Date.now() - t0 }
      failures.push(...f.serious.map((s) => `${key}: ${s}`))
    }
    await record('launcher')
    await page.locator('.explorer-toggle').click()
    await expect(page.locator('.explorer').first()).toBeVisible()
    await record('explorer', '.explorer')
    await page.locator('.explorer-toggle').click()
    await runs.filter({ hasText: `${queue} ·` }).click()
    // the first tab with the whole page (header, sidebar, verdict, console), then each other
    // tab's pane alone
    for (const id of TABS) {
      await showTab(page, id)
      if (lang === 'ko' && id === 'processes')
        // times in the table with Korean units, headings over their numbers
        await expect(page.getByRole('table').first()).toContainText(/\d초|\d밀리초/)
      await record(id, id === 'processes' ? undefined : '.pane.top')
    }
    await runs.nth(0).click() // the replay: the newest
    await expect(page.locator('.replay-bar')).toBeVisible()
    await showTab(page, 'timeline')
    await record('replay', 'header')
    await record('replay timeline', '.pane.top')
  }
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/a11y.json', JSON.stringify(results, null, 2))
  console.log('axe violations per view (elements, by impact and rule; ms the audit took):')
  for (const [k, v] of Object.entries(results)) console.log(`  ${k}: ${JSON.stringify(v)}`)
  expect(failures, failures.join('\n')).toEqual([])
})
