// The explorer with 1,000 (long: 2,000) more processes on the machine (real idle `sleep`s started by the
// test, not a fake snapshot), in Chromium through serve mode: the list stays virtualised,
// scrolls while the host's 1 Hz snapshots re-sort it, and keeps updating with the pointer
// away. Frame figures are reported (test-results/explorer-frames.json), not held to a speed:
// the asserts only catch a frozen or unvirtualised page.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { idleChildren } from '../bench/idleChildren'
import type { IdleChildren } from '../bench/idleChildren'
import { frameStats, installFrameMeter, resetFrames } from './frameMeter'
import type { ServeHost } from './serveHost'
import { startServeHost } from './serveHost'
import { reportFigures } from './served'
import { LONG_TESTS } from '../test/longTests'

// 1,000 more processes by default; POOLSCOPE_LONG_TESTS=1 starts the 2,000
const SLEEPERS = LONG_TESTS ? 2000 : 1000
// each measured phase (scrolling, then updates); POOLSCOPE_LONG_TESTS=1 measures longer
const PHASE_MS = LONG_TESTS ? 8000 : 4000

let host: ServeHost
let kids: IdleChildren | undefined

test.skip(process.platform !== 'linux', 'starts 1,000+ processes and reads them from /proc')

test.beforeAll(async () => {
  test.setTimeout(300_000)
  host = await startServeHost()
  kids = await idleChildren(SLEEPERS, 600)
})

test.afterAll(async () => {
  await kids?.kill()
  expect(await host.stop(), 'processes left after the host stopped').toEqual([])
})

interface Phase {
  fps: number
  frames: number
  p95Ms: number
  worstMs: number
  snapshots: number
}

/** Snapshots the page has received (answers to systemSnapshot over its WebSocket). */
function countSnapshots(page: Page): () => number {
  let n = 0
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"reader":"procfs"')) n++
    })
  )
  return () => n
}

/** Frames while `act` runs for PHASE_MS, and how many snapshots arrived meanwhile. */
async function measure(
  page: Page,
  snapshots: () => number,
  act: (until: number) => Promise<void>
): Promise<Phase> {
  await resetFrames(page)
  const t0 = Date.now()
  const n0 = snapshots()
  await act(t0 + PHASE_MS)
  const seconds = (Date.now() - t0) / 1000
  const f = await frameStats(page)
  return {
    fps: Math.round((f.frames / seconds) * 10) / 10,
    frames: f.frames,
    p95Ms: Math.round(f.p95Ms),
    worstMs: Math.round(f.worstMs),
    snapshots: snapshots() - n0
  }
}

test(`${SLEEPERS} more processes: virtualised, scrolls and updates (frame figures reported)`, async ({
  page
}) => {
  test.setTimeout(180_000)
  await installFrameMeter(page)
  const snapshots = countSnapshots(page)
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Explorer', exact: true }).click()
  const list = page.getByLabel('Processes of this machine', { exact: true })
  const count = page.getByText(/^\d+ of \d+ processes/)
  await expect(count).toBeVisible({ timeout: 30_000 })
  await expect
    .poll(async () => Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]), {
      timeout: 30_000
    })
    .toBeGreaterThanOrEqual(SLEEPERS)
  const total = Number(/of (\d+)/.exec((await count.textContent())!)![1])
  const rendered = await list.locator('tbody tr[data-pid]').count()
  expect(rendered, 'rows in the DOM (virtualised)').toBeLessThan(200)

  // Scrolling with the wheel over the list (order held under the pointer) while snapshots land.
  const box = (await list.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  let down = true
  let furthest = 0
  const scrolling = await measure(page, snapshots, async (until) => {
    while (Date.now() < until) {
      await page.mouse.wheel(0, down ? 480 : -480)
      const top = await list.evaluate((el) => el.scrollTop)
      furthest = Math.max(furthest, top)
      if (top > 20_000) down = false
      else if (top === 0) down = true
      await page.waitForTimeout(30)
    }
  })
  // Pointer away: each snapshot re-sorts the whole list by CPU.
  await page.mouse.move(5, 5)
  const updating = await measure(page, snapshots, (until) =>
    page.waitForTimeout(until - Date.now())
  )

  const figures = {
    processes: total,
    renderedRows: rendered,
    furthestScrollPx: furthest,
    scrolling,
    updating
  }
  reportFigures('explorer-frames.json', `explorer, ${SLEEPERS} sleepers:`, figures)
  await page.screenshot({ path: `test-results/screenshots/explorer-${SLEEPERS}.png` })

  // Freeze detectors, not speed targets.
  expect(furthest, 'the list scrolled').toBeGreaterThan(1000)
  for (const phase of [scrolling, updating]) {
    expect(phase.frames).toBeGreaterThan(10)
    expect(phase.worstMs).toBeLessThan(5000)
    expect(phase.snapshots, 'snapshots shown during the phase').toBeGreaterThan(0)
  }
})
