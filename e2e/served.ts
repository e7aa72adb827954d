// The serve host a spec file shares, with a watcher of its runs: started before the file's
// first test and stopped after its last, when no process it started may be left. And the
// figures a spec measured, written beside the test results and printed in the log.
import { mkdirSync, writeFileSync } from 'node:fs'
import { expect } from '@playwright/test'
import type { RunWatcher } from './runWatcher'
import { watchRuns } from './runWatcher'
import type { ServeHost } from './serveHost'
import { startServeHost } from './serveHost'

export interface Served {
  host: ServeHost
  watcher: RunWatcher
}

/** `args`: more of serve's options (`--allow-programs`). */
export async function startServed(args: string[] = []): Promise<Served> {
  const host = await startServeHost(0, args)
  return { host, watcher: await watchRuns(host.url) }
}

/** Either may be missing (its start failed): what was started is stopped. */
export async function stopServed({ host, watcher }: Partial<Served>): Promise<void> {
  watcher?.close()
  if (host) expect(await host.stop(), 'processes left after the host stopped').toEqual([])
}

/** test-results/`file` gets `figures`; the log gets `shown` (the figures themselves unless
 *  a summary is given). */
export function reportFigures(
  file: string,
  title: string,
  figures: unknown,
  shown = figures
): void {
  mkdirSync('test-results', { recursive: true })
  writeFileSync(`test-results/${file}`, JSON.stringify(figures, null, 2))
  console.log(title, JSON.stringify(shown))
}
