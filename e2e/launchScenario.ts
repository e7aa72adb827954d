// Launching a scenario the way a person does: pick it, fill its parameters, press Run.
import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { resetFrames } from './frameMeter'

export interface LaunchCase {
  id: string
  /** The scenario's English title, as the launcher lists it. */
  title: string
  params: Record<string, string>
}

/** Resolves with the run's id (from the status line); frames are counted from the click on. */
export async function launchScenario(page: Page, c: LaunchCase): Promise<string> {
  await page.getByRole('option', { name: c.title, exact: true }).click()
  for (const [name, value] of Object.entries(c.params))
    await page.getByRole('textbox', { name, exact: true }).fill(value)
  await resetFrames(page)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toContainText(c.id)
  return /run-[0-9a-f]+-\d+/.exec((await status.textContent()) ?? '')![0]
}
