// stream.events: events per second from a live run through serve mode's WebSocket into the
// real renderer in Chromium, which applies every batch to its store and renders; the page's
// frame rate is counted with requestAnimationFrame and each batch's added latency (from the
// emission of its oldest event on the host to the moment the page's store applied it) is
// measured on the shared wall clock. Baseline: the rate the host actually offered.
// Target: ≥ 50,000 events/s at ≥ 30 fps, added latency ≤ 100 ms. Needs `electron-vite build`.
import { accessSync, constants, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser } from '@playwright/test'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS } from '../playwright.config'
import { PoolScopeService } from '../src/main/core/host/PoolScopeService'
import { Run } from '../src/main/core/session/Run'
import { startServer } from '../src/main/headless/serve'
import type { Bench, BenchResult } from './harness'
import { median, ratio } from './harness'
import type { FloodResult } from './streamFlood'
import { floodProgram } from './streamFlood'

interface PageProbe {
  open: boolean
  /** Wall-clock ms of every animation frame. */
  frames: number[]
  /** [batch seq, wall-clock ms once the page's own handler had applied it]. */
  applied: [number, number][]
}

// Plain JS, injected before the app loads: counts frames, and wraps the app's WebSocket
// handler so that each batch is timed after the app has applied it.
const PROBE = `(() => {
  const probe = { open: false, frames: [], applied: [] }
  window.__probe = probe
  const frame = (ts) => { probe.frames.push(performance.timeOrigin + ts); requestAnimationFrame(frame) }
  requestAnimationFrame(frame)
  const Native = window.WebSocket
  const desc = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage')
  class Probed extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener('open', () => { probe.open = true })
    }
    set onmessage(fn) {
      desc.set.call(this, fn && ((ev) => {
        fn.call(this, ev)
        if (typeof ev.data === 'string' && ev.data.startsWith('{"kind":"batch"')) {
          const m = /"seq":(\\d+)/.exec(ev.data.slice(0, 160))
          if (m) probe.applied.push([Number(m[1]), Date.now()])
        }
      }))
    }
    get onmessage() { return desc.get.call(this) }
  }
  window.WebSocket = Probed
})()`

interface Measured {
  offered: number
  eventsPerS: number
  fps: number
  worstFps: number
  latencyP50: number
  latencyP95: number
  missing: number
}

async function measure(rate: number, seconds: number, tab: string): Promise<Measured> {
  const service = new PoolScopeService({
    programs: new Map([['hello', floodProgram(rate, seconds)]])
  })
  const server = await startServer(service, { port: 0, rendererDir: RENDERER_DIR })
  const hostBatches = new Map<number, { n: number; firstT: number }>()
  const unsubscribe = service.subscribe((b) => {
    hostBatches.set(b.seq, { n: b.events.length, firstT: b.events[0]?.t ?? 0 })
  })
  let browser: Browser | undefined
  try {
    // inside the try: a browser that fails to start must still close the server (it kept the
    // process alive forever)
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.addInitScript(PROBE)
    await page.goto(server.url)
    await page.waitForFunction(() => (globalThis as unknown as { __probe: PageProbe }).__probe.open)
    await page.getByRole('option', { name: 'Hello, process' }).click()
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    // the views appear with the run; its workers take a moment to start before the flood
    await page.getByRole('tab', { name: tab }).click()
    await page
      .getByTestId('run-status')
      .filter({ hasText: 'finished' })
      .waitFor({ timeout: (seconds + 60) * 1000 })
    const [info] = await service.call('listRuns', undefined)
    const run = service.getRun(info!.id)
    if (!(run instanceof Run)) throw new Error('the flood run is missing')
    const lastSeq = Math.max(...hostBatches.keys())
    await page.waitForFunction(
      (seq) =>
        (globalThis as unknown as { __probe: PageProbe }).__probe.applied.some(([s]) => s >= seq),
      lastSeq,
      { timeout: 60_000 }
    )
    const probe = await page.evaluate(
      () => (globalThis as unknown as { __probe: PageProbe }).__probe
    )
    const flood = run.result as FloodResult
    // the flood's window on the wall clock: from its first event to its last
    const floodEvents = run.events.slice().filter((e) => e.type !== 'sample' && e.t > 0)
    const first = floodEvents.find((e) => e.type === 'queue.put')!
    const startWall = run.startedAt + first.t
    const endWall = startWall + flood.seconds * 1000
    const appliedSeqs = new Map(probe.applied)
    let applied = 0
    let lastApplied = startWall
    const latencies: number[] = []
    for (const [seq, at] of appliedSeqs) {
      const b = hostBatches.get(seq)!
      applied += b.n
      const emittedWall = run.startedAt + b.firstT
      if (emittedWall >= startWall && emittedWall <= endWall) {
        latencies.push(at - emittedWall)
        lastApplied = Math.max(lastApplied, at)
      }
    }
    const frames = probe.frames.filter((f) => f >= startWall && f <= endWall)
    const perSecond: number[] = []
    for (let s = startWall; s + 1000 <= endWall; s += 1000)
      perSecond.push(frames.filter((f) => f >= s && f < s + 1000).length)
    latencies.sort((a, b) => a - b)
    return {
      offered: flood.emitted / flood.seconds,
      // what the page applied (a page that falls behind gets batches dropped, not queued)
      eventsPerS: applied / ((lastApplied - startWall) / 1000),
      fps: frames.length / ((endWall - startWall) / 1000),
      worstFps: perSecond.length ? Math.min(...perSecond) : NaN,
      latencyP50: median(latencies),
      latencyP95: latencies[Math.floor(latencies.length * 0.95)] ?? NaN,
      missing: run.events.length - applied
    }
  } finally {
    unsubscribe()
    await browser?.close()
    await service.shutdown()
    await server.close()
  }
}

const RENDERER_DIR = resolve('out/renderer')

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/** Why this benchmark cannot run here (no browser to drive, no built renderer), or null. */
export function streamCannotRun(): string | null {
  const browser = chromiumPath()
  try {
    accessSync(browser, constants.X_OK)
  } catch {
    return `no Chromium at ${browser} (install Debian's chromium, or set CHROMIUM_PATH)`
  }
  if (!existsSync(resolve(RENDERER_DIR, 'index.html')))
    return `the renderer is not built (no ${RENDERER_DIR}/index.html): run npx electron-vite build`
  return null
}

/** [offered events/s, the tab on view]: the target's rate on every tab, then faster. */
const SHORT: [number, string][] = [[60_000, 'Processes']]
const LONG: [number, string][] = [
  [60_000, 'Processes'],
  [60_000, 'CPU per core'],
  [60_000, 'Queues and locks'],
  [60_000, 'Timeline'],
  [120_000, 'Processes'],
  [240_000, 'Processes']
]

export const streamBench: Bench = {
  name: 'stream.events',
  cannotRun: streamCannotRun,
  async run({ long }) {
    // offered a little above the target, so that keeping up means meeting it
    const seconds = long ? 10 : 4
    const results: BenchResult[] = []
    for (const [rate, tab] of long ? LONG : SHORT) {
      const m = await measure(rate, seconds, tab)
      const met = m.eventsPerS >= 50_000 && m.fps >= 30 && m.latencyP95 <= 100
      results.push({
        id: `stream.events.${rate / 1000}k.${tab.toLowerCase().replace(/\W+/g, '-')}`,
        name: `stream.events ${rate / 1000}k/s ${tab}`,
        value: m.eventsPerS,
        unit: 'events/s applied',
        baseline: 'rate the host offered',
        baselineValue: m.offered,
        ratio: ratio(m.eventsPerS, m.offered),
        ...(rate === 60_000
          ? { target: '≥ 50,000 events/s at ≥ 30 fps, latency ≤ 100 ms', met }
          : {}),
        note:
          `${m.fps.toFixed(0)} fps (worst second ${m.worstFps}), added latency p50 ` +
          `${m.latencyP50.toFixed(0)} ms, p95 ${m.latencyP95.toFixed(0)} ms, ` +
          `${m.missing} events dropped for the page, ${seconds} s`
      })
    }
    return results
  }
}
