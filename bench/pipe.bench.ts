// pipe.stream (against queue.stream in this run, and CPython's Pipe) and pipe.rtt (ping-pong
// between the host and a child, against CPython's Pipe ping-pong).
import { performance } from 'node:perf_hooks'
import { openPipe } from '../src/main/core/primitives/Pipe'
import { Process } from '../src/main/core/primitives/Process'
import type { Bench, BenchResult } from './harness'
import { median, ratio } from './harness'
import { pythonBaseline, pythonMedian } from './python/pythonBaseline'
import { MESSAGE_BYTES, queueStream } from './queue.bench'

/** Messages per second from one child to the host, first message to last. */
async function pipeStream(n: number): Promise<number> {
  const [mine, theirs] = await openPipe({ duplex: false })
  const sender = new Process({ task: 'pipeSendMany', args: [theirs, n, MESSAGE_BYTES] })
  await sender.start()
  await mine.recv() // timed from the first message to the last, as queueStream
  const t = performance.now()
  for (let i = 1; i < n; i++) await mine.recv()
  const rate = (n - 1) / ((performance.now() - t) / 1000)
  await sender.join()
  mine.close()
  return rate
}

/** µs per host → child → host round trip, median of batches. */
async function pipeRtt(n: number): Promise<number> {
  const [mine, theirs] = await openPipe()
  const echo = new Process({ task: 'pipeEcho', args: [theirs] })
  await echo.start()
  const pingPong = async (i: number): Promise<void> => {
    mine.send(i)
    await mine.recv()
  }
  for (let i = 0; i < 3000; i++) await pingPong(i)
  const batches: number[] = []
  const per = Math.max(100, Math.floor(n / 10))
  for (let done = 0; done < n; done += per) {
    const t = performance.now()
    for (let i = 0; i < per; i++) await pingPong(i)
    batches.push(((performance.now() - t) * 1000) / per)
  }
  mine.close()
  await echo.join()
  return median(batches)
}

export const pipeBench: Bench = {
  name: 'pipe',
  async run({ long }) {
    const n = long ? 200_000 : 100_000
    const rttN = long ? 20_000 : 3_000
    await pipeStream(Math.min(n, 20_000)) // warm up (JIT)
    await queueStream(Math.min(n, 20_000))
    // Interleaved, so that both see the same machine; median of three each.
    const pipeRates: number[] = []
    const queueRates: number[] = []
    for (let i = 0; i < 3; i++) {
      pipeRates.push(await pipeStream(n))
      queueRates.push(await queueStream(n))
    }
    const pipeRate = median(pipeRates)
    const queueRate = median(queueRates)
    const rtt = await pipeRtt(rttN)
    const pyStream = pythonMedian(3, 'pipe-stream', n, MESSAGE_BYTES)
    const pyRtt = pythonBaseline('pipe-rtt', rttN)
    const vsQueue = ratio(pipeRate, queueRate)
    const rows: BenchResult[] = [
      {
        id: 'pipe.stream.queue',
        name: `pipe.stream (${n}, median of 3)`,
        value: pipeRate,
        unit: 'msg/s',
        baseline: 'queue.stream (this run)',
        baselineValue: queueRate,
        ratio: vsQueue,
        target: 'Pipe ≥ 2× Queue',
        met: vsQueue !== null && vsQueue >= 2
      },
      {
        id: 'pipe.stream.python',
        name: `pipe.stream (${n}, median of 3)`,
        value: pipeRate,
        unit: 'msg/s',
        baseline: 'Python mp.Pipe stream',
        baselineValue: pyStream.value,
        ratio: ratio(pipeRate, pyStream.value),
        ...(pyStream.note ? { note: pyStream.note } : {})
      },
      {
        id: 'pipe.rtt',
        name: 'pipe.rtt',
        value: rtt,
        unit: 'µs',
        baseline: 'Python mp.Pipe ping-pong',
        baselineValue: pyRtt.value,
        ratio: ratio(rtt, pyRtt.value),
        ...(pyRtt.note ? { note: pyRtt.note } : {})
      }
    ]
    return rows
  }
}
