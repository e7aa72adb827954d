// pool.rtt, pool.map1, pool.map and the pool's memory with 100,000 queued tasks, against raw
// child_process IPC and CPython's multiprocessing.Pool measured in the same run.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { ProcessPool } from '../src/main/core/pool/ProcessPool'
import type { Bench, BenchResult } from './harness'
import { median, ratio } from './harness'
import { pythonBaseline } from './python/pythonBaseline'

/** µs per sequential round trip, median of batches. */
async function timeRoundTrips(n: number, once1: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3000; i++) await once1() // past the JIT's warm-up
  const batches: number[] = []
  const per = Math.max(100, Math.floor(n / 10))
  for (let done = 0; done < n; done += per) {
    const t = performance.now()
    for (let i = 0; i < per; i++) await once1()
    batches.push(((performance.now() - t) * 1000) / per)
  }
  return median(batches)
}

/** The floor: Node's built-in IPC (JSON), one message each way. */
async function rawForkRtt(n: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'process.on("message", (m) => process.send(m))'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  await once(child, 'spawn')
  let next: (() => void) | undefined
  child.on('message', () => next?.())
  const us = await timeRoundTrips(n, () => new Promise<void>((r) => ((next = r), child.send(1))))
  child.kill()
  await once(child, 'exit')
  return us
}

function timeRow(
  id: string,
  name: string,
  value: number,
  unit: string,
  baseline: string,
  base: { value: number | null; note?: string },
  target?: { text: string; maxRatio: number }
): BenchResult {
  const r = ratio(value, base.value)
  return {
    id,
    name,
    value,
    unit,
    baseline,
    baselineValue: base.value,
    ratio: r,
    ...(target ? { target: target.text, met: r !== null && r <= target.maxRatio } : {}),
    ...(base.note ? { note: base.note } : {})
  }
}

async function mapMs(pool: ProcessPool, n: number, chunksize?: number): Promise<number> {
  const items = Array.from({ length: n }, (_, i) => i)
  const t = performance.now()
  const out = await pool.map('square', items, chunksize ? { chunksize } : {})
  const ms = performance.now() - t
  if (out.length !== n || out[n - 1] !== (n - 1) * (n - 1))
    throw new Error('pool.map: wrong results')
  return ms
}

export const poolBench: Bench = {
  name: 'pool',
  async run({ long }) {
    const rttN = long ? 20_000 : 2_000
    const mapN = long ? 100_000 : 20_000
    const pool = new ProcessPool({ processes: 2 })
    await pool.ready()
    const rtt = await timeRoundTrips(rttN, () => pool.apply('echo', [1]))
    await mapMs(pool, mapN, 1) // warm up (JIT)
    const map1 = await mapMs(pool, mapN, 1)
    // Short runs: warm up, then the median of five.
    for (let i = 0; i < 3; i++) await mapMs(pool, mapN)
    const runs: number[] = []
    for (let i = 0; i < 5; i++) runs.push(await mapMs(pool, mapN))
    const mapDefault = median(runs)
    await pool.terminate()

    const mem = await queuedMemory(100_000)
    const raw = { value: await rawForkRtt(rttN) }
    const pyRtt = pythonBaseline('rtt', rttN)
    const pyMap1 = pythonBaseline('map', mapN, 1)
    const pyMap = pythonBaseline('map', mapN, 0)
    return [
      timeRow('pool.rtt.raw', 'pool.rtt', rtt, 'µs', 'raw fork IPC round trip', raw),
      timeRow(
        'pool.rtt.python',
        'pool.rtt',
        rtt,
        'µs',
        'Python Pool(2).apply_async().get()',
        pyRtt,
        {
          text: '≤ 0.5× Python',
          maxRatio: 0.5
        }
      ),
      timeRow(
        'pool.map1',
        `pool.map1 (${mapN})`,
        map1,
        'ms',
        'Python Pool(2).map chunksize=1',
        pyMap1,
        {
          text: '≥ 3× Python (ratio ≤ 0.33)',
          maxRatio: 1 / 3
        }
      ),
      timeRow(
        'pool.map',
        `pool.map (${mapN})`,
        mapDefault,
        'ms',
        'Python Pool(2).map default chunksize',
        pyMap,
        {
          text: '≥ 1× Python (ratio ≤ 1)',
          maxRatio: 1
        }
      ),
      mem
    ]
  }
}

/** Host RSS growth while 100,000 tasks wait in the pool's queue (one worker, busy). */
async function queuedMemory(n: number): Promise<BenchResult> {
  const pool = new ProcessPool({ processes: 1 })
  await pool.ready()
  const blocker = pool.apply('wait', [60_000]).catch(() => null)
  // The map runs before this left garbage: collected during the measure, it made the growth
  // read negative (-52 MB in one run). Collect it first and let the freed memory go back to
  // the OS (buffers are freed after the collection), so the growth is the queued tasks'.
  fullGc()
  await new Promise((r) => setTimeout(r, 200))
  fullGc()
  const before = process.memoryUsage().rss
  const pending = Array.from({ length: n }, (_, i) => pool.apply('square', [i]).catch(() => null))
  await new Promise((r) => setImmediate(r))
  const growthMb = (process.memoryUsage().rss - before) / 2 ** 20
  await pool.terminate()
  await Promise.all([blocker, ...pending])
  return {
    id: 'pool.memory',
    name: `pool.memory (${n} queued)`,
    value: growthMb,
    unit: 'MB',
    baseline: 'host RSS before',
    baselineValue: before / 2 ** 20,
    ratio: null,
    target: '≤ 100 MB',
    met: growthMb <= 100
  }
}

/** A full garbage collection, without starting node with --expose-gc. */
function fullGc(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}
