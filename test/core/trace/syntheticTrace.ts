// SYNTHETIC trace fixtures for tests and the benchmark: event lists that conform to
// src/shared/events.ts with the richer event types (queue, lock, pipe, task, sample) that no
// scenario records yet. The PIDs are made up (meta.host says "synthetic"); nothing here ran.
import type { RunEvent, Verdict } from '../../../src/shared/events'
import type { NativeTrace } from '../../../src/shared/trace'
import { TRACE_FORMAT, TRACE_VERSION } from '../../../src/shared/trace'

export const SYNTHETIC_HOST_PID = 30000

/** A deterministic pseudo-random sequence (mulberry32), so fixtures are the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** About `n` events: 4 workers, a queue, a lock, a pipe, tasks (some overlapping), output, samples. */
export function syntheticTrace(n: number, seed = 1): NativeTrace {
  return { ...syntheticTraceHead(), events: [...syntheticEvents(n, seed)] }
}

const syntheticVerdict = (): Verdict => ({
  passed: true,
  outcome: 'passed',
  checks: [
    {
      id: 'synthetic',
      outcome: 'passed',
      values: { n: 1, pids: [1, 2] },
      seen: [{ text: 'synthetic.seen', values: { what: 'fixture' } }]
    }
  ]
})

/** The trace document around the events: meta, status and verdict. */
export function syntheticTraceHead(): Omit<NativeTrace, 'events'> {
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    meta: {
      scenario: 'synthetic',
      params: { workers: 4 },
      hostPid: SYNTHETIC_HOST_PID,
      startedAt: Date.UTC(2026, 0, 1),
      host: 'synthetic (no processes ran)',
      os: 'synthetic',
      cpuModel: 'synthetic',
      cores: 2,
      appVersion: '0.0.0-synthetic'
    },
    status: 'finished',
    verdict: syntheticVerdict()
  }
}

/** The events of syntheticTrace(n, seed) one at a time, so that a recorder can take them
 *  without an array of all of them ever existing (the benchmark's case). */
export function* syntheticEvents(n: number, seed = 1): Generator<RunEvent> {
  const rnd = random(seed)
  const host = SYNTHETIC_HOST_PID
  const workers = [30001, 30002, 30003, 30004]
  // A small buffer, handed on after each step.
  const events: RunEvent[] = []
  let count = 0
  let t = 0
  const tick = (): number => (t += Math.round(rnd() * 200) / 1000 + 0.001)
  events.push({
    t,
    type: 'run.start',
    scenario: 'synthetic',
    params: { workers: 4 },
    hostPid: host
  })
  for (const pid of workers) {
    events.push({
      t: tick(),
      type: 'proc.spawn',
      pid,
      ppid: host,
      name: `worker-${pid}`,
      role: 'worker'
    })
    events.push({ t: tick(), type: 'proc.ready', pid })
  }
  count += events.length
  yield* events
  events.length = 0
  let msg = 0
  let task = 0
  let depth = 0
  const pipeSeq = new Map<string, number>()
  const rss = new Map<number, number>()
  const pct = (): number => Math.round(rnd() * 1000) / 10
  const inQueue: number[] = []
  const running = new Map<number, number[]>(workers.map((w) => [w, []]))
  while (count < n - 12) {
    const r = rnd()
    const w = workers[Math.floor(rnd() * workers.length)]!
    if (r < 0.2) {
      const m = ++msg
      inQueue.push(m)
      // Now and then the queue is full: the put waits first (a blocked put).
      const blocked = rnd() < 0.1
      if (blocked)
        events.push({ t: tick(), type: 'queue.wait', queue: 'jobs', pid: host, op: 'put' })
      events.push({
        t: tick(),
        type: 'queue.put',
        queue: 'jobs',
        pid: host,
        msg: m,
        ...(blocked ? { blocked } : {})
      })
      events.push({ t: tick(), type: 'queue.depth', queue: 'jobs', depth: ++depth })
    } else if (r < 0.38 && inQueue.length) {
      events.push({ t: tick(), type: 'queue.get', queue: 'jobs', pid: w, msg: inQueue.shift()! })
      events.push({ t: tick(), type: 'queue.depth', queue: 'jobs', depth: --depth })
    } else if (r < 0.38) {
      // The queue is empty: a get waits, and gives up.
      events.push({ t: tick(), type: 'queue.wait', queue: 'jobs', pid: w, op: 'get' })
      events.push({ t: tick(), type: 'queue.timeout', queue: 'jobs', pid: w, op: 'get' })
    } else if (r < 0.55) {
      const open = running.get(w)!
      // Worker 30001 sometimes takes a second task while one runs: overlapping (async) work.
      if (open.length === 0 || (w === 30001 && open.length === 1 && rnd() < 0.3)) {
        const id = ++task
        events.push({ t: tick(), type: 'task.queued', task: id, name: `square(${id})` })
        events.push({ t: tick(), type: 'task.start', task: id, worker: w })
        open.push(id)
      } else {
        const id = open.shift()!
        const ok = rnd() > 0.05
        events.push({
          t: tick(),
          type: 'task.end',
          task: id,
          worker: w,
          ok,
          ...(ok ? {} : { error: 'ValueError: bad input' })
        })
      }
    } else if (r < 0.7) {
      events.push({ t: tick(), type: 'lock.wait', lock: 'counter', pid: w })
      if (rnd() < 0.05) {
        events.push({ t: tick(), type: 'lock.timeout', lock: 'counter', pid: w })
      } else {
        events.push({ t: tick(), type: 'lock.acquire', lock: 'counter', pid: w })
        events.push({ t: tick(), type: 'lock.release', lock: 'counter', pid: w })
      }
    } else if (r < 0.8) {
      // One pipe per worker, messages numbered per sending end; a send or a recv event may
      // stand for several messages (count), and the host may read a batch in two goes.
      const pipe = `results-${w}`
      const c = 1 + Math.floor(rnd() * 3)
      const last = (pipeSeq.get(pipe) ?? 0) + c
      pipeSeq.set(pipe, last)
      const each = 16 + Math.floor(rnd() * 512)
      const batch = (k: number): { count?: number } => (k > 1 ? { count: k } : {})
      events.push({
        t: tick(),
        type: 'pipe.send',
        pipe,
        pid: w,
        bytes: c * each,
        msg: last,
        ...batch(c)
      })
      if (c > 1 && rnd() < 0.5) {
        events.push({
          t: tick(),
          type: 'pipe.recv',
          pipe,
          pid: host,
          bytes: each,
          msg: last - c + 1
        })
        events.push({
          t: tick(),
          type: 'pipe.recv',
          pipe,
          pid: host,
          bytes: (c - 1) * each,
          msg: last,
          ...batch(c - 1)
        })
      } else {
        events.push({
          t: tick(),
          type: 'pipe.recv',
          pipe,
          pid: host,
          bytes: c * each,
          msg: last,
          ...batch(c)
        })
      }
    } else if (r < 0.92) {
      events.push({
        t: tick(),
        type: 'stdout',
        pid: w,
        text: `worker ${w}: item ${msg} done, "ok", 100%\n`
      })
    } else {
      events.push({
        t: tick(),
        type: 'sample',
        // As the monitor reports them: CPU to 0.1 %, RSS in pages, changing now and then.
        cores: [pct(), pct()],
        procs: [host, ...workers].map((pid) => {
          if (!rss.has(pid) || rnd() < 0.1) rss.set(pid, 4096 * (7000 + Math.floor(rnd() * 3000)))
          return { pid, cpu: pct(), rss: rss.get(pid)! }
        })
      })
    }
    count += events.length
    yield* events
    events.length = 0
  }
  for (const [w, open] of running) {
    for (const id of open)
      events.push({ t: tick(), type: 'task.end', task: id, worker: w, ok: true })
  }
  for (const pid of workers)
    events.push({ t: tick(), type: 'proc.exit', pid, code: 0, signal: null })
  events.push({
    t: tick(),
    type: 'run.end',
    status: 'finished',
    hostPid: host,
    result: null,
    verdict: syntheticVerdict()
  })
  yield* events
}
