// The browser face says what its connection is doing: a host that stops, then comes back
// restarted (a new token) on the same port, in a real browser against real hosts.
import { expect, test } from '@playwright/test'
import type { ServeHost } from './serveHost'
import { startServeHost } from './serveHost'

const hosts: ServeHost[] = []
test.afterAll(async () => {
  for (const host of hosts.splice(0)) expect(await host.stop()).toEqual([])
})

test('shows connected, then reconnecting with calls failing at once, then the host gone', async ({
  page
}) => {
  const first = await startServeHost()
  hosts.push(first)
  await page.goto(first.url)
  const indicator = page.getByTestId('connection')
  await expect(indicator).toHaveText('Connected')
  await page.getByRole('option', { name: 'Hello, process' }).click()

  hosts.splice(hosts.indexOf(first), 1)
  expect(await first.stop()).toEqual([])
  await expect(indicator).toContainText('Reconnecting…')
  // a run asked for now fails at once and says why (it is never sent later)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('not connected to the PoolScope host')

  const port = Number(new URL(first.url).port)
  const second = await startServeHost(port)
  hosts.push(second)
  expect(new URL(second.url).searchParams.get('token')).not.toBe(
    new URL(first.url).searchParams.get('token')
  )
  await expect(indicator).toContainText('Host restarted', { timeout: 20_000 })
  await expect(indicator).toContainText('has a new token')
  // opening the new address (what the indicator tells the user to do) connects again
  await page.goto(second.url)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
})
