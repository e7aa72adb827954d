// attach.discovery: how many short-lived children an attached watch sees. A parent (Node)
// starts 100 children one after another, each `sleep 0.05` (a 50 ms life), with a random
// gap of 0–30 ms so that their lives fall anywhere against the polls; the parent reaps each
// at once (no zombie lingers to be found late) and prints how long it lived, fork to reaping
// (a little over 50 ms: the exec and the reaping). The watch is a real AttachRun (sampling
// on, as in the app) polling at the default 50 Hz and at 10 Hz. Baseline: the share polls
// every P ms see at best (the mean of min(1, life / P)). Target: ≥ 95 % at the default rate.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { AttachRun, DISCOVERY_HZ } from '../src/main/core/explorer/AttachRun'
import { PoolScopeService } from '../src/main/core/host/PoolScopeService'
import { readable } from '../src/main/core/monitor/readable'
import type { Bench, BenchResult } from './harness'
import { median } from './harness'

const CHILDREN = 100
const LIFE_MS = 50
const RATES = [DISCOVERY_HZ, 10]

const PARENT = `
const { spawn } = require('node:child_process')
process.stdin.once('data', async () => {
  for (let i = 0; i < ${CHILDREN}; i++) {
    const t0 = performance.now()
    const c = spawn('sleep', ['${LIFE_MS / 1000}'], { stdio: 'ignore' })
    await new Promise((r) => c.once('exit', r))
    console.log(c.pid + ' ' + (performance.now() - t0).toFixed(1))
    await new Promise((r) => setTimeout(r, Math.random() * 30))
  }
  process.exit(0)
})
console.log('ready')
`

interface Child {
  pid: number
  /** From the parent's spawn to its reaping, as the parent saw it. */
  lifeMs: number
}

/** One watch at `hz` over a parent's 100 short children: those it started and those seen. */
async function watchShortChildren(hz: number): Promise<{ printed: Child[]; seen: number[] }> {
  const parent: ChildProcess = spawn(process.execPath, ['-e', PARENT], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const printed: Child[] = []
  let ready!: () => void
  const isReady = new Promise<void>((r) => (ready = r))
  let rest = ''
  parent.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop()!
    for (const line of lines)
      if (line === 'ready') ready()
      else {
        const [pid, lifeMs] = line.split(' ').map(Number)
        printed.push({ pid: pid!, lifeMs: lifeMs! })
      }
  })
  const exited = once(parent, 'exit')
  const service = new PoolScopeService({ monitor: { liveHz: 10 } })
  try {
    await isReady
    const run = service
      .launch(
        (id, onEvent, monitor) =>
          new AttachRun(id, parent.pid!, onEvent, monitor, { discoveryHz: hz })
      )
      .start()
    parent.stdin!.write('go\n')
    await exited
    await run.done
    const seen = [...run.events].flatMap((e) => (e.type === 'proc.spawn' ? [e.pid] : []))
    return { printed, seen }
  } finally {
    if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL')
    await service.shutdown()
  }
}

export const discoveryBench: Bench = {
  name: 'attach.discovery',
  cannotRun: () =>
    readable(`/proc/${process.pid}/task/${process.pid}/children`)
      ? null
      : 'no /proc/<pid>/task/<tid>/children here: attach is Linux-only',
  async run() {
    const results: BenchResult[] = []
    for (const hz of RATES) {
      const { printed, seen } = await watchShortChildren(hz)
      if (printed.length !== CHILDREN)
        throw new Error(`the parent printed ${printed.length} children, not ${CHILDREN}`)
      const found = new Set(seen)
      const value = (printed.filter((c) => found.has(c.pid)).length / CHILDREN) * 100
      const period = 1000 / hz
      const best =
        (printed.reduce((a, c) => a + Math.min(1, c.lifeMs / period), 0) / CHILDREN) * 100
      const lives = printed.map((c) => c.lifeMs).sort((a, b) => a - b)
      results.push({
        id: `attach.discovery.hz${hz}`,
        name: `attach.discovery ${CHILDREN} × ${LIFE_MS} ms children, ${hz} Hz watch`,
        value,
        unit: '% seen',
        baseline: `a poll every ${period} ms at best (the lives measured)`,
        baselineValue: best,
        ratio: value / best,
        ...(hz === DISCOVERY_HZ ? { target: '≥ 95 % seen', met: value >= 95 } : {}),
        note:
          `lives ${lives[0]!.toFixed(0)}–${lives.at(-1)!.toFixed(0)} ms ` +
          `(median ${median(lives).toFixed(0)}), fork to reaping; ` +
          (hz === DISCOVERY_HZ
            ? 'the default watch rate'
            : 'a child that lives and is reaped between two polls is never listed')
      })
    }
    return results
  }
}
