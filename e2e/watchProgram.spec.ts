// "Watch a Python program" in Chromium through serve mode: the queue lesson in real CPython,
// started from the watch form. While it runs, every PID the Processes view shows that is alive
// has, in /proc, the parent the view shows; its verdict passes; its Chrome export passes the
// checker. A host started without --allow-programs disables the form with its reason. Skipped,
// with the reason, where there is no python3 (3.8+).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { findPython } from '../src/main/core/python/findPython'
import { checkChromeTrace } from '../src/main/core/trace/checkChromeTrace'
import type { RunWatcher } from './runWatcher'
import type { ServeHost } from './serveHost'
import { ppidOf, startServeHost } from './serveHost'
import { startServed, stopServed } from './served'

function noPython(): string {
  if (process.platform !== 'linux') return `watching needs Linux (this is ${process.platform})`
  try {
    findPython()
    return ''
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}
const NO_PYTHON = noPython()

test.describe.configure({ mode: 'serial' })
test.skip(!!NO_PYTHON, `skipped: ${NO_PYTHON}`)

let host: ServeHost
let watcher: RunWatcher

test.beforeAll(async () => ({ host, watcher } = await startServed(['--allow-programs'])))
test.afterAll(() => stopServed({ host, watcher }))

/** Until the run ends: each shown PID that is alive has, in /proc, the PPID the table shows. */
async function checkLivePids(page: Page, runId: string): Promise<Map<number, number>> {
  const verified = new Map<number, number>()
  const rows = page.locator('tbody tr').filter({ has: page.getByTestId('proc-pid') })
  while (!watcher.events(runId).some((e) => e.type === 'run.end')) {
    for (const row of await rows.all()) {
      const cells = await row
        .locator('td')
        .allTextContents()
        .catch(() => [])
      const pid = Number(cells[0])
      const shownPpid = Number(cells[1])
      if (!pid || verified.has(pid)) continue
      const ppid = await ppidOf(pid)
      if (ppid === null) continue // gone already
      expect(ppid, `parent of pid ${pid} in /proc against the table`).toBe(shownPpid)
      verified.set(pid, ppid)
    }
    await page.waitForTimeout(50)
  }
  return verified
}

test('the queue lesson in CPython from the watch form: real PIDs, verdict passed, Chrome export checked', async ({
  page
}) => {
  test.setTimeout(180_000)
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Watch a Python program' }).click()
  const form = page.getByRole('form', { name: 'Watch a Python program' })
  await expect(form.getByText(/^Runs on .*python.*\(Python 3\.\d+\.\d+\)\.$/)).toBeVisible()
  await form.getByRole('radio', { name: 'Bundled lesson' }).check()
  await form.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: 'Queue' })
  // slowed down so that its processes are seen alive; spawn: each sender is a new interpreter
  await form
    .getByRole('textbox', { name: 'Arguments' })
    .fill('--pace 5 --start-method spawn --senders 3')
  await form.getByRole('button', { name: 'Watch', exact: true }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toContainText('queue')
  const runId = /run-[0-9a-f]+-\d+/.exec((await status.textContent()) ?? '')![0]

  const live = await checkLivePids(page, runId)
  const events = await watcher.ended(runId, 120_000)
  const spawned = events.flatMap((e) => (e.type === 'proc.spawn' ? [e] : []))
  const main = spawned.find((e) => e.role === 'main')
  expect(main, JSON.stringify(spawned)).toBeDefined()
  const senders = spawned.filter((e) => e.role.startsWith('sender') || e.name.startsWith('sender'))
  expect(senders.map((e) => e.ppid)).toEqual([main!.pid, main!.pid, main!.pid])
  // the main program and some of its senders were seen alive, with the parents shown
  expect(live.get(main!.pid), 'the main program seen alive in /proc').toBe(main!.ppid)
  expect(
    senders.some((s) => live.has(s.pid)),
    'a sender seen alive in /proc'
  ).toBe(true)

  await expect(status).toContainText('finished', { timeout: 30_000 })
  await expect(page.getByRole('heading', { name: 'Verdict: passed' })).toBeVisible()
  const shown = (await page.getByTestId('proc-pid').allTextContents()).map(Number).sort()
  expect(shown).toEqual(spawned.map((e) => e.pid).sort())
  await page.getByRole('tab', { name: 'Queues and locks', exact: true }).click()
  await page.screenshot({ path: 'test-results/screenshots/watch-queue-cpython.png' })

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Chrome / Perfetto JSON (.trace.json)' }).click()
  ])
  const chrome = readFileSync((await file.path())!, 'utf8')
  expect(checkChromeTrace(chrome)).toEqual([])
  for (const s of [main!, ...senders]) expect(chrome).toContain(`"pid":${s.pid}`)
})

test("your own script from the form: a flood of queue events past the shim's budget is said on the run", async ({
  page
}) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-e2e-'))
  const script = join(dir, 'flood.py')
  writeFileSync(
    script,
    [
      'import multiprocessing as mp, os, sys',
      'q = mp.Queue()',
      'for i in range(int(sys.argv[1])):',
      '    q.put(i); q.get()',
      'print(os.getcwd(), sys.argv[2])'
    ].join('\n')
  )
  try {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Watch a Python program' }).click()
    const form = page.getByRole('form', { name: 'Watch a Python program' })
    await form.getByRole('textbox', { name: 'Script' }).fill(script)
    await form.getByRole('textbox', { name: 'Arguments' }).fill(`20000 "two words"`)
    await form.getByRole('button', { name: 'Watch', exact: true }).click()
    const status = page.getByTestId('run-status')
    await expect(status).toContainText('flood.py')
    const runId = /run-[0-9a-f]+-\d+/.exec((await status.textContent()) ?? '')![0]
    const events = await watcher.ended(runId, 90_000)
    const main = events
      .flatMap((e) => (e.type === 'proc.spawn' ? [e] : []))
      .find((e) => e.role === 'main')!
    await expect(page.getByTestId('notice-coalesced')).toContainText(
      `Events merged: 1 process(es) (PID ${main.pid})`
    )
    await expect(status).toContainText('finished')
    await expect(page.getByRole('heading', { name: 'Verdict: passed' })).toBeVisible()
    // run in the script's folder, its arguments as given
    const out = events.flatMap((e) => (e.type === 'stdout' ? [e.text] : [])).join('')
    expect(out).toContain(`${dir} two words`)
    // counts stay exact through the merge
    const puts = events.flatMap((e) => (e.type === 'queue.put' ? [e.msg] : []))
    expect(puts.at(-1)).toBe(20000)
    expect(puts.length).toBeLessThan(20000)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the open form with each source and an error shown: no serious or critical axe violation', async ({
  page
}) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Watch a Python program' }).click()
  const form = page.getByRole('form', { name: 'Watch a Python program' })
  const serious = async (): Promise<string[]> => {
    const r = await new AxeBuilder({ page })
      .include('#watch-program')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .options({ resultTypes: ['violations'] })
      .analyze()
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  }
  for (const source of ['Python file', 'Module (-m)', 'Bundled lesson']) {
    await form.getByRole('radio', { name: source }).check()
    await form.getByRole('textbox', { name: 'Arguments' }).fill('"unclosed')
    await expect(form.getByRole('alert')).toBeVisible()
    expect(await serious(), source).toEqual([])
  }
})

test('a script that does not exist is named by the host; nothing starts', async ({ page }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Watch a Python program' }).click()
  const form = page.getByRole('form', { name: 'Watch a Python program' })
  await form.getByRole('textbox', { name: 'Script' }).fill('/nonexistent/prog.py')
  await form.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('no such script: /nonexistent/prog.py')
})

test('serve without --allow-programs: the form is disabled from the start, with the reason', async ({
  page
}) => {
  const plain = await startServeHost()
  try {
    await page.goto(plain.url)
    await page.getByRole('button', { name: 'Watch a Python program' }).click()
    const form = page.getByRole('form', { name: 'Watch a Python program' })
    await expect(form.getByText(/start serve with --allow-programs/)).toBeVisible()
    await expect(form.getByRole('button', { name: 'Watch', exact: true })).toBeDisabled()
    await page.getByRole('option', { name: 'Queue', exact: true }).click()
    const runtime = page.getByRole('combobox', { name: 'Runtime' })
    await expect(runtime).toBeDisabled()
    await expect(page.locator('#cpython-off')).toContainText('--allow-programs')
  } finally {
    expect(await plain.stop()).toEqual([])
  }
})
