// queue.stream: small messages from a child to the host through Queue, against CPython's
// multiprocessing.Queue doing the same in this run.
import { performance } from 'node:perf_hooks'
import { Process } from '../src/main/core/primitives/Process'
import { Queue } from '../src/main/core/primitives/Queue'
import type { Bench } from './harness'
import { median, ratio } from './harness'
import { pythonMedian } from './python/pythonBaseline'

export const MESSAGE_BYTES = 16

/** Messages per second from one child to the host, first message to last. */
export async function queueStream(n: number): Promise<number> {
  const q = new Queue()
  const sender = new Process({ task: 'putMany', args: [q, n, MESSAGE_BYTES] })
  await sender.start()
  // Timed from the first message to the last: the stream, not the start-up (process.start).
  await q.get()
  const t = performance.now()
  for (let i = 1; i < n; i++) await q.get()
  const rate = (n - 1) / ((performance.now() - t) / 1000)
  await sender.join()
  return rate
}

export const queueBench: Bench = {
  name: 'queue',
  async run({ long }) {
    const n = long ? 200_000 : 100_000
    await queueStream(Math.min(n, 20_000)) // warm up (JIT)
    const rates: number[] = []
    for (let i = 0; i < 3; i++) rates.push(await queueStream(n))
    const rate = median(rates)
    const py = pythonMedian(3, 'queue', n, MESSAGE_BYTES)
    const r = ratio(rate, py.value)
    return [
      {
        id: 'queue.stream',
        name: `queue.stream (${n}, median of 3)`,
        value: rate,
        unit: 'msg/s',
        baseline: 'Python mp.Queue',
        baselineValue: py.value,
        ratio: r,
        target: '≥ 2× Python',
        met: r !== null && r >= 2,
        ...(py.note ? { note: py.note } : {})
      }
    ]
  }
}
