// Frame times of the page, measured with requestAnimationFrame from before the app loads.
import type { Page } from '@playwright/test'

// These functions run in the page; the node tsconfig has no DOM types, so name what they use.
interface PageGlobals {
  __frames: number[]
  requestAnimationFrame(cb: (now: number) => void): number
}

export async function installFrameMeter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as PageGlobals
    w.__frames = []
    let last = performance.now()
    const tick = (now: number): void => {
      w.__frames.push(now - last)
      last = now
      w.requestAnimationFrame(tick)
    }
    w.requestAnimationFrame(tick)
  })
}

/** Resets the record (e.g. right before a run starts). */
export async function resetFrames(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as PageGlobals).__frames = []))
}

export async function frameStats(
  page: Page
): Promise<{ frames: number; worstMs: number; p95Ms: number }> {
  const frames = await page.evaluate(() => (globalThis as unknown as PageGlobals).__frames.slice(1))
  const sorted = [...frames].sort((a, b) => a - b)
  return {
    frames: frames.length,
    worstMs: sorted.at(-1) ?? 0,
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0
  }
}
