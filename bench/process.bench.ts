// process.start: Process.start() until the child is running its task (its first output reaches
// the host), cold (a fresh fork) and from a warm spare (a child forked ahead and kept idle).
import { performance } from 'node:perf_hooks'
import { Process } from '../src/main/core/primitives/Process'
import { setWarmSpares, sparesReady } from '../src/main/core/primitives/warmSpare'
import type { Bench } from './harness'
import { median, ratio } from './harness'

async function startMs(): Promise<number> {
  let running!: () => void
  const firstOutput = new Promise<void>((r) => (running = r))
  const p = new Process({
    task: 'whoami',
    args: [0],
    sink: (e) => e.type === 'stdout' && running()
  })
  const t = performance.now()
  await p.start()
  await firstOutput
  const ms = performance.now() - t
  await p.join()
  return ms
}

export const processBench: Bench = {
  name: 'process',
  async run({ long }) {
    const n = long ? 50 : 10
    const cold: number[] = []
    for (let i = 0; i < n; i++) cold.push(await startMs())
    setWarmSpares(1)
    const warm: number[] = []
    try {
      for (let i = 0; i < n; i++) {
        await sparesReady()
        warm.push(await startMs())
      }
    } finally {
      setWarmSpares(0)
    }
    const coldMs = median(cold)
    const warmMs = median(warm)
    return [
      {
        id: 'process.start.cold',
        name: 'process.start (cold)',
        value: coldMs,
        unit: 'ms',
        baseline: '—',
        baselineValue: null,
        ratio: null
      },
      {
        id: 'process.start.warm',
        name: 'process.start (warm spare)',
        value: warmMs,
        unit: 'ms',
        baseline: 'process.start (cold)',
        baselineValue: coldMs,
        ratio: ratio(warmMs, coldMs),
        target: '≤ 2 ms median',
        met: warmMs <= 2
      }
    ]
  }
}
