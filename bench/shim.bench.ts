// shim.*: what the Python shim costs a program, on the same interpreter in the same run — per
// Queue put, Lock acquire+release pair and Pipe send (bench/python/shim_ops.py), a Queue stream's
// wall time, and the lesson programs' wall time — plain against watched by a real ProgramRun,
// with the floor beside them: the same program under a bare launcher (bench/python/floor.py).
import { resolve } from 'node:path'
import type { Python } from '../src/main/core/python/findPython'
import { lessonPath } from '../src/main/core/python/lessonRun'
import type { Bench, BenchResult } from './harness'
import { median, ratio } from './harness'
import { benchPython, runFloor, runPlain, runWatched } from './python/watched'

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

/** Wall times of one program plain, under the floor (a bare launcher: bench/python/floor.py)
 *  and watched, `rounds` times in turn (a busy machine drifts: each kind gets every part of
 *  it, in every order), as medians. */
async function threeWays(py: Python, args: string[], rounds: number) {
  const plain: number[] = []
  const floor: number[] = []
  const watched: number[] = []
  const kinds = [
    async () => plain.push((await runPlain(py, args)).ms),
    async () => floor.push((await runFloor(py, args)).ms),
    async () => watched.push((await runWatched(py, args)).ms)
  ]
  // Each round starts with the next kind: none always comes first (or after a given other).
  for (let i = 0; i < rounds; i++) for (let k = 0; k < 3; k++) await kinds[(i + k) % 3]!()
  return { plain: median(plain), floor: median(floor), watched: median(watched) }
}

function floorNote(t: { plain: number; floor: number; watched: number }, rounds: number): string {
  const f = (n: number): string => n.toFixed(2)
  return (
    `medians of ${rounds}; floor (a bare launcher: python -I -S that starts the program) ` +
    `${Math.round(t.floor)} ms = ${f(t.floor / t.plain)}× plain; ` +
    `watched = ${f(t.watched / t.floor)}× the floor (the shim and the host)`
  )
}

/** A program that does nothing: what any watched run costs (the launcher's interpreter, the
 *  shim's import, the end of the run), whatever the program does. */
async function fixedRows(py: Python, rounds: number): Promise<BenchResult[]> {
  const t = await threeWays(py, ['-c', 'pass'], rounds)
  return [
    {
      id: 'shim.fixed',
      name: 'shim.fixed (python -c pass)',
      value: t.watched,
      unit: 'ms',
      baseline: 'the same run plain (same Python)',
      baselineValue: t.plain,
      ratio: ratio(t.watched, t.plain),
      note: `a whole ProgramRun: launcher, shim, host; part of every lesson row below; ${floorNote(t, rounds)}`
    },
    {
      id: 'shim.floor',
      name: 'shim.floor (python -c pass)',
      value: t.floor,
      unit: 'ms',
      baseline: 'the same run plain (same Python)',
      baselineValue: t.plain,
      ratio: ratio(t.floor, t.plain),
      note: 'the least a launcher costs (bench/python/floor.py): no watched run is faster'
    }
  ]
}

async function lessonRow(py: Python, id: string, rounds: number): Promise<BenchResult> {
  const t = await threeWays(py, [lessonPath(id)], rounds)
  const r = ratio(t.watched, t.plain)
  return {
    id: `shim.lesson.${id}`,
    name: `shim.lesson.${id}`,
    value: t.watched,
    unit: 'ms',
    baseline: 'the lesson run plain (same Python)',
    baselineValue: t.plain,
    ratio: r,
    target: '≤ 1.2× without the shim',
    met: r !== null && r <= 1.2,
    note: `watched = a whole ProgramRun (launcher, shim, host), default parameters; ${floorNote(t, rounds)}`
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
    const rounds = long ? 5 : 3
    rows.push(...(await fixedRows(py, rounds)))
    for (const id of long ? ALL_LESSONS : SHORT_LESSONS) rows.push(await lessonRow(py, id, rounds))
    return rows
  }
}
