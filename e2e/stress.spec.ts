// The UI under load: stress-size `process` and `pool-map` runs launched from the UI in Chromium
// through serve mode. While they run, the page must keep answering (a click on a view's tab
// selects it), the run must finish and its verdict show; the worst frame is reported. Short
// sizes by default; STRESS=1 for the full sizes (256 processes, 100,000 items).
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { frameStats, installFrameMeter } from './frameMeter'
import type { LaunchCase } from './launchScenario'
import { launchScenario } from './launchScenario'
import type { RunWatcher } from './runWatcher'
import type { ServeHost } from './serveHost'
import { reportFigures, startServed, stopServed } from './served'

const FULL = process.env.STRESS === '1'
/** ProcessStats's VIRTUALIZE_FROM (not imported: that module pulls in React and the UI). */
const VIRTUALIZE_FROM = 100
const TABS = ['Timeline', 'Queues and locks', 'CPU per core', 'Processes']

interface Case extends LaunchCase {
  name: string
  /** Processes the run spawns (pool workers or children). */
  spawns: number
}

const CASES: Case[] = [
  {
    id: 'process',
    name: `process ×${FULL ? 256 : 32}`,
    title: 'Creating processes',
    params: { processes: FULL ? '256' : '32', pace: '0.1' },
    spawns: FULL ? 256 : 32
  },
  {
    id: 'pool-map',
    name: `pool-map ${FULL ? '100,000' : '10,000'} items`,
    title: 'Pool: map',
    params: { processes: FULL ? '64' : '8', items: FULL ? '100000' : '10000' },
    spawns: FULL ? 64 : 8
  }
]

interface Figures {
  frames: number
  worstMs: number
  p95Ms: number
  clicks: number
  slowestClickMs: number
  runMs: number
}
const figures: Record<string, Figures> = {}
let host: ServeHost
let watcher: RunWatcher

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => ({ host, watcher } = await startServed()))

test.afterAll(async () => {
  reportFigures('stress-frames.json', `UI under load (${FULL ? 'full' : 'short'} sizes):`, figures)
  await stopServed({ host, watcher })
})

/** Clicks a tab and measures how long until the page shows it selected. */
async function clickTab(page: Page, name: string): Promise<number> {
  const tab = page.getByRole('tab', { name, exact: true })
  const t0 = Date.now()
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
  return Date.now() - t0
}

for (const c of CASES) {
  test(`${c.name} from the UI: the page answers clicks, the run finishes, its verdict shows`, async ({
    page
  }) => {
    test.setTimeout(FULL ? 900_000 : 180_000)
    await installFrameMeter(page)
    await page.goto(host.url)
    const t0 = Date.now()
    const runId = await launchScenario(page, c)
    const status = page.getByTestId('run-status')

    // Until the host says the run ended, go round the views: each click must be answered.
    const clicks: number[] = []
    while (!watcher.events(runId).some((e) => e.type === 'run.end')) {
      clicks.push(await clickTab(page, TABS[clicks.length % TABS.length]!))
      await page.waitForTimeout(250)
    }
    const events = await watcher.ended(runId)
    const runMs = Date.now() - t0
    const spawned = new Set(events.flatMap((e) => (e.type === 'proc.spawn' ? [e.pid] : [])))
    expect(spawned.size).toBe(c.spawns)
    await expect(status).toContainText('finished', { timeout: 60_000 })
    await expect(page.getByRole('heading', { name: 'Verdict: passed' })).toBeVisible({
      timeout: 60_000
    })
    // The Processes view lists the run's processes (from 100 rows on it renders only the
    // rows in sight: then those must be some of them).
    await clickTab(page, 'Processes')
    const pids = page.getByTestId('proc-pid')
    if (c.spawns < VIRTUALIZE_FROM) await expect(pids).toHaveCount(c.spawns, { timeout: 60_000 })
    else await expect(pids.first()).toBeVisible()
    const shown = (await pids.allTextContents()).map(Number)
    expect(
      shown.filter((pid) => !spawned.has(pid)),
      'PIDs shown but not spawned'
    ).toEqual([])

    const f = await frameStats(page)
    figures[c.name] = {
      ...f,
      worstMs: Math.round(f.worstMs),
      p95Ms: Math.round(f.p95Ms),
      clicks: clicks.length,
      slowestClickMs: Math.max(0, ...clicks),
      runMs
    }
    console.log(c.name, JSON.stringify(figures[c.name]))
    mkdirSync('test-results/screenshots', { recursive: true })
    await page.screenshot({
      path: `test-results/screenshots/stress-${c.name.replace(/\W+/g, '-')}.png`
    })
    // Freeze detectors, not speed targets: the page kept drawing and answered every click
    // (expect's own 15 s limit failed the test above if one went unanswered).
    expect(clicks.length).toBeGreaterThan(0)
    expect(f.frames).toBeGreaterThan(10)
    expect(f.worstMs).toBeLessThan(5000)
  })
}
