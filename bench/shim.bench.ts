// shim.*: what the Python shim costs a program, on the same interpreter in the same run — per
// Queue put, Lock acquire+release pair and Pipe send (bench/python/shim_ops.py), a Queue stream's
// wall time, and the lesson programs' wall time — plain against watched by a real ProgramRun.
import { resolve } from 'node:path'
import type { Python } from '../src/main/core/python/findPython'
import { lessonPath } from '../src/main/core/python/lessonRun'
import type { Bench, BenchResult } from './harness'
import { ratio } from './harness'
import { benchPython, runPlain, runWatched } from './python/watched'

const OPS = resolve(import.meta.dirname, 'python/shim_ops.py')
const SHORT_LESSONS = ['queue', 'lock', 'pipe', 'pool-map']
const ALL_LESSONS = [...SHORT_LESSONS, 'process', 'pool-apply', 'mix', 'pipe-vs-queue', 'gil']

interface Ops {
  put_us: number
  stream_s: number
  lock_us: number
  send_us: number
}

function python(): Python {
  const p = benchPython()
  if (typeof p === 'string') throw new Error(p)
  return p
}

async function opsRows(py: Python, n: number): Promise<BenchResult[]> {
  const plain = JSON.parse((await runPlain(py, [OPS, String(n)])).stdout) as Ops
  const w = await runWatched(py, [OPS, String(n)])
  const watched = JSON.parse(w.stdout.trim().split('\n').at(-1)!) as Ops
  // Counts stay exact whatever the rate: the last put's number is n.
  const puts = w.events.filter((e) => e.type === 'queue.put')
  const lastMsg = puts.length ? (puts.at(-1) as { msg: number }).msg : 0
  const base = `Python ${py.version.join('.')} without the shim`
  const row = (id: string, what: string, key: keyof Ops, unit: string): BenchResult => ({
    id: `shim.${id}`,
    name: `shim.${id} (${n})`,
    value: watched[key],
    unit,
    baseline: `${what}, ${base}`,
    baselineValue: plain[key],
    ratio: ratio(watched[key], plain[key])
  })
  const stream = row('queue.stream', 'the same stream', 'stream_s', 's')
  stream.target = '100,000-put stream ≤ 3× without the shim'
  stream.met = stream.ratio !== null && stream.ratio <= 3
  stream.note =
    `${puts.length} queue.put events for ${n} puts, last msg #${lastMsg}` +
    (n === 100_000 ? '' : '; the target is for 100,000 (--long)')
  return [
    row('queue.put', 'Queue.put', 'put_us', 'µs/put'),
    stream,
    row('lock.pair', 'Lock acquire+release', 'lock_us', 'µs/pair'),
    row('pipe.send', 'Pipe send', 'send_us', 'µs/send')
  ]
}

/** A program that does nothing: what any watched run costs (the launcher's interpreter, the
 *  shim's import, the end of the run), whatever the program does. */
async function fixedRow(py: Python): Promise<BenchResult> {
  const plain = await runPlain(py, ['-c', 'pass'])
  const watched = await runWatched(py, ['-c', 'pass'])
  return {
    id: 'shim.fixed',
    name: 'shim.fixed (python -c pass)',
    value: watched.ms,
    unit: 'ms',
    baseline: 'the same run plain (same Python)',
    baselineValue: plain.ms,
    ratio: ratio(watched.ms, plain.ms),
    note: 'a whole ProgramRun: launcher, shim, host; part of every lesson row below'
  }
}

async function lessonRow(py: Python, id: string): Promise<BenchResult> {
  const args = [lessonPath(id)]
  const plain = await runPlain(py, args)
  const watched = await runWatched(py, args)
  const r = ratio(watched.ms, plain.ms)
  return {
    id: `shim.lesson.${id}`,
    name: `shim.lesson.${id}`,
    value: watched.ms,
    unit: 'ms',
    baseline: 'the lesson run plain (same Python)',
    baselineValue: plain.ms,
    ratio: r,
    target: '≤ 1.2× without the shim',
    met: r !== null && r <= 1.2,
    note: 'watched = a whole ProgramRun (launcher, shim, host), default parameters'
  }
}

export const shimBench: Bench = {
  name: 'shim',
  cannotRun() {
    const p = benchPython()
    return typeof p === 'string' ? p : null
  },
  async run({ long }) {
    const py = python()
    const rows = await opsRows(py, long ? 100_000 : 20_000)
    rows.push(await fixedRow(py))
    for (const id of long ? ALL_LESSONS : SHORT_LESSONS) rows.push(await lessonRow(py, id))
    return rows
  }
}
