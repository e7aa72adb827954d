// Screenshots of the e2e run: every one goes to test-results/screenshots; those the README
// shows are also written over docs/screenshots, so each run refreshes the README's pictures.
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'

export async function screenshot(
  page: Page,
  name: string,
  opts: { readme?: string; fullPage?: boolean } = {}
): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true })
  const shot = await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: opts.fullPage ?? false
  })
  if (opts.readme) {
    mkdirSync('docs/screenshots', { recursive: true })
    writeFileSync(`docs/screenshots/${opts.readme}.png`, shot)
  }
}
