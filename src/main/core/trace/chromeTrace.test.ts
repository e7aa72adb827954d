import { describe, expect, it } from 'vitest'
import type { RunEvent, UnstampedEvent } from '../../../shared/events'
import type { NativeTrace } from '../../../shared/trace'
import { NativeTraceSchema } from '../../../shared/trace'
import { PoolScopeService } from '../host/PoolScopeService'
import type { ChromeEvent } from './chromeEvent'
import { CPU_CORES_PID } from './chromePlan'
import { checkChromeTrace } from './checkChromeTrace'
import { chromeTraceText } from './chromeTraceText'
import { SYNTHETIC_HOST_PID, syntheticTrace } from '../../../../test/core/trace/syntheticTrace'

const text = (trace: NativeTrace): string => [...chromeTraceText(trace)].join('')
const eventsOf = (t: string): ChromeEvent[] =>
  (JSON.parse(t) as { traceEvents: ChromeEvent[] }).traceEvents

/** A SYNTHETIC trace with the given events after run.start (host 30000). */
function traceWith(events: UnstampedEvent[]): NativeTrace {
  const base = syntheticTrace(0)
  let t = 0
  const timed = events.map((e) => ({ ...e, t: (t += 1) }) as RunEvent)
  return { ...base, events: [base.events[0]!, ...timed] }
}

describe('Chrome Trace Event export', () => {
  it('a real hello run: real PIDs named in launch order, spawn/exit/stdout, well-formed', async () => {
    const service = new PoolScopeService()
    const run = service.startRun('hello', { pace: 0.1 })
    await run.done
    const exported = await service.call('exportRun', { runId: run.id, format: 'chrome' })
    await service.shutdown()
    expect(exported.fileName).toBe(`hello-${run.id}.trace.json`)
    expect(exported.content.startsWith('{"displayTimeUnit":"ms","traceEvents":[')).toBe(true)
    expect(checkChromeTrace(exported.content)).toEqual([])
    const evs = eventsOf(exported.content)
    const child = (run.result as { pid: number }).pid
    const sortIndex = (pid: number): unknown =>
      evs.find((e) => e.name === 'process_sort_index' && e.pid === pid)?.args?.sort_index
    expect(sortIndex(process.pid)).toBe(0)
    expect(sortIndex(child)).toBe(1)
    const named = evs.filter((e) => e.name === 'process_name').map((e) => e.pid)
    expect(named).toEqual([process.pid, child, CPU_CORES_PID])
    const exit = evs.find((e) => e.name === 'exit')!
    expect(exit).toMatchObject({ ph: 'i', pid: child, tid: child, args: { code: 0 } })
    expect(evs.find((e) => e.name === 'spawn')).toMatchObject({
      pid: child,
      args: { ppid: process.pid }
    })
    const out = evs.find((e) => e.name === 'stdout')!
    expect(out.args?.text).toBe(`hello from pid ${child}, parent pid ${process.pid}`)
    // The sampler's readings are counters: per-process CPU on the process, per-core CPU under
    // "CPU cores" (whatever this run's samples held; the first tick is "no data yet").
    const counters = new Set(evs.filter((e) => e.ph === 'C').map((e) => `${e.pid} ${e.name}`))
    const expected = run.events
      .slice()
      .flatMap((e) =>
        e.type === 'sample'
          ? [
              ...e.cores.flatMap((v, c) => (v === null ? [] : [`${CPU_CORES_PID} core ${c}`])),
              ...e.procs.flatMap((p) => (p.cpu === null ? [] : [`${p.pid} cpu`]))
            ]
          : []
      )
    for (const c of expected) expect(counters).toContain(c)
    // The child's lifetime slice runs from its spawn to its exit, in µs.
    const life = evs.find((e) => e.ph === 'X' && e.pid === child)!
    const spawnT = run.events.slice().find((e) => e.type === 'proc.spawn')!.t
    const exitT = run.events.slice().find((e) => e.type === 'proc.exit')!.t
    expect(life.ts).toBeCloseTo(spawnT * 1000, 2)
    expect(life.dur).toBeCloseTo((exitT - spawnT) * 1000, 2)
  })

  it('a SYNTHETIC rich run: well-formed, flows for every put→get and send→recv pair', () => {
    const trace = syntheticTrace(20_000)
    const t = text(trace)
    expect(checkChromeTrace(t)).toEqual([])
    const evs = eventsOf(t)
    const gets = trace.events.filter((e) => e.type === 'queue.get').length
    const recvs = trace.events.filter((e) => e.type === 'pipe.recv').length
    expect(evs.filter((e) => e.ph === 's')).toHaveLength(gets + recvs)
    expect(evs.filter((e) => e.ph === 'f' && e.cat === 'queue')).toHaveLength(gets)
    // Overlapping tasks on one worker are async slices; the others are X slices.
    expect(evs.some((e) => e.ph === 'b' && e.cat === 'task')).toBe(true)
    expect(evs.some((e) => e.ph === 'X' && e.cat === 'task')).toBe(true)
    // Counters: queue depth and lock waiters on the host, CPU per process and per core.
    const counters = new Set(evs.filter((e) => e.ph === 'C').map((e) => `${e.pid} ${e.name}`))
    for (const c of [
      `${SYNTHETIC_HOST_PID} queue jobs`,
      `${SYNTHETIC_HOST_PID} lock counter`,
      '30001 cpu',
      `${CPU_CORES_PID} core 0`,
      `${CPU_CORES_PID} core 1`
    ])
      expect(counters).toContain(c)
    expect(evs.find((e) => e.pid === CPU_CORES_PID && e.name === 'process_name')?.args).toEqual({
      name: 'CPU cores'
    })
  })

  it('strips ANSI escapes and control characters; output is valid UTF-8', () => {
    const trace = traceWith([
      {
        type: 'proc.spawn',
        pid: 501,
        ppid: 30000,
        name: 'w\u0007\u001b[1mbold\u001b[0m',
        role: 'worker'
      },
      {
        type: 'stdout',
        pid: 501,
        text: '\u001b[31mred\u001b[0m\tcol\u0000\u0008 \ud800 \u001b]0;title\u0007done\r\n'
      },
      { type: 'proc.exit', pid: 501, code: 0, signal: null }
    ])
    const t = text(trace)
    expect(checkChromeTrace(t)).toEqual([])
    expect(Buffer.from(t, 'utf8').toString('utf8')).toBe(t)
    const evs = eventsOf(t)
    expect(evs.find((e) => e.name === 'stdout')?.args?.text).toBe('red col \ufffd done')
    expect(evs.find((e) => e.name === 'process_name' && e.pid === 501)?.args?.name).toBe(
      'wbold (worker)'
    )
  })

  it('a hostile (but schema-valid) trace: every string from the file comes out clean', () => {
    const nasty = (s: string): string => `${s}\u001b[31m\u0000\u0007\ud800\u009b[2J\t\n`
    const trace = syntheticTrace(3000)
    for (const e of trace.events as unknown as Array<Record<string, unknown>>) {
      for (const k of ['name', 'role', 'text', 'queue', 'lock', 'pipe', 'error', 'signal']) {
        if (typeof e[k] === 'string') e[k] = nasty(e[k])
      }
    }
    trace.events.splice(8, 0, {
      t: trace.events[7]!.t,
      type: 'proc.exit',
      pid: 30004,
      code: null,
      signal: nasty('SIGKILL')
    })
    const m = trace.meta
    Object.assign(m, {
      host: nasty(m.host),
      os: nasty(m.os),
      cpuModel: nasty(m.cpuModel),
      scenario: nasty('s'),
      appVersion: nasty('1')
    })
    m.params[nasty('key')] = nasty('value')
    expect(NativeTraceSchema.safeParse(trace).success).toBe(true)
    const t = text(trace)
    expect(checkChromeTrace(t)).toEqual([])
    expect(Buffer.from(t, 'utf8').toString('utf8')).toBe(t)
  })

  it('moves "CPU cores" aside when a real PID of the trace is its pid', () => {
    const trace = traceWith([
      { type: 'proc.spawn', pid: CPU_CORES_PID, ppid: 30000, name: 'w', role: 'worker' },
      { type: 'sample', cores: [50], procs: [{ pid: CPU_CORES_PID, cpu: 10, rss: 1 }] }
    ])
    const evs = eventsOf(text(trace))
    const cores = evs.find((e) => e.name === 'process_name' && e.args?.name === 'CPU cores')!
    expect(cores.pid).toBe(CPU_CORES_PID + 1)
    expect(evs.find((e) => e.name === 'core 0')?.pid).toBe(CPU_CORES_PID + 1)
    expect(checkChromeTrace(text(trace))).toEqual([])
  })

  it('pairs batched pipe events by message number, per direction of a duplex pipe', () => {
    // 701 sends messages 1-3 in one event; 702 sends its own message 1 the other way;
    // 702 reads 1-2, 701 reads its message 1, 702 reads 3.
    const trace = traceWith([
      { type: 'proc.spawn', pid: 701, ppid: 30000, name: 'a', role: 'end' },
      { type: 'proc.spawn', pid: 702, ppid: 30000, name: 'b', role: 'end' },
      { type: 'pipe.send', pipe: 'p', pid: 701, bytes: 30, msg: 3, count: 3 },
      { type: 'pipe.send', pipe: 'p', pid: 702, bytes: 5, msg: 1 },
      { type: 'pipe.recv', pipe: 'p', pid: 702, bytes: 20, msg: 2, count: 2 },
      { type: 'pipe.recv', pipe: 'p', pid: 701, bytes: 5, msg: 1 },
      { type: 'pipe.recv', pipe: 'p', pid: 702, bytes: 10, msg: 3 }
    ])
    const t = text(trace)
    expect(checkChromeTrace(t)).toEqual([])
    const evs = eventsOf(t)
    const from = new Map(evs.filter((e) => e.ph === 's').map((e) => [e.id, e.pid]))
    const arrows = evs.filter((e) => e.ph === 'f').map((e) => `${from.get(e.id)}→${e.pid}`)
    expect(arrows).toEqual(['701→702', '702→701', '701→702'])
    // The batched send starts both of its arrows, in id order.
    const starts = evs.filter((e) => e.ph === 's' && e.pid === 701).map((e) => e.id!)
    expect(starts).toHaveLength(2)
    expect(starts[0]).toBeLessThan(starts[1]!)
    expect(evs.find((e) => e.name === 'send p' && e.pid === 701)?.args).toEqual({
      bytes: 30,
      msg: 3,
      count: 3
    })
  })

  it('closes what a stopped run left open, and clips a task at its worker crash', () => {
    const trace = traceWith([
      { type: 'proc.spawn', pid: 601, ppid: 30000, name: 'a', role: 'worker' },
      { type: 'proc.spawn', pid: 602, ppid: 30000, name: 'b', role: 'worker' },
      { type: 'task.queued', task: 1, name: 'slow' },
      { type: 'task.start', task: 1, worker: 601 },
      { type: 'task.start', task: 2, worker: 602 },
      { type: 'task.start', task: 3, worker: 602 },
      { type: 'lock.wait', lock: 'L', pid: 601 },
      { type: 'proc.exit', pid: 601, code: null, signal: 'SIGKILL' },
      { type: 'task.end', task: 1, worker: 601, ok: false, error: 'worker 601 died' },
      { type: 'queue.put', queue: 'q', pid: 30000, msg: 7 }
    ])
    const t = text(trace)
    expect(checkChromeTrace(t)).toEqual([])
    const evs = eventsOf(t)
    const task1 = evs.find((e) => e.ph === 'X' && e.name === 'task 1 slow')!
    const exit = evs.find((e) => e.name === 'exit' && e.pid === 601)!
    expect(task1.ts! + task1.dur!).toBeCloseTo(exit.ts!, 6)
    expect(evs.find((e) => e.name === 'task 1 failed')?.args).toEqual({
      ok: false,
      error: 'worker 601 died'
    })
    expect(
      evs
        .filter((e) => e.ph === 'e')
        .map((e) => e.name)
        .sort()
    ).toEqual(['task 2', 'task 3', 'wait L'])
    expect(evs.some((e) => e.ph === 's')).toBe(false) // a put nobody got has no flow
  })

  it('the checker finds what is broken (so that it can fail)', () => {
    const head = '{"displayTimeUnit":"ms","traceEvents":['
    const named = '{"name":"process_name","ph":"M","pid":1,"args":{"name":"p"}}'
    const slice = '{"name":"s","ph":"X","pid":1,"tid":1,"ts":0,"dur":100}'
    const cases: Array<[string, RegExp]> = [
      ['{"traceEvents":[],"displayTimeUnit":"ms"}', /displayTimeUnit is not the first key/],
      [`${head}{"name":"x","ph":"i","pid":2,"tid":2,"ts":1}]}`, /pid 2 has no process_name/],
      [`${head}${named},{"name":"x","ph":"X","pid":1,"tid":1,"ts":1,"dur":-1}]}`, /dur ≥ 0/],
      [
        `${head}${named},${slice},{"name":"y","ph":"X","pid":1,"tid":1,"ts":50,"dur":100}]}`,
        /without nesting/
      ],
      [
        `${head}${named},{"name":"c","ph":"C","pid":1,"ts":1,"args":{"v":"3"}}]}`,
        /not a finite number/
      ],
      [
        `${head}${named},{"name":"a","ph":"i","pid":1,"tid":1,"ts":5},{"name":"b","ph":"i","pid":1,"tid":1,"ts":4}]}`,
        /goes back/
      ],
      [
        `${head}${named},${slice},{"name":"q","ph":"s","id":1,"pid":1,"tid":1,"ts":1}]}`,
        /flow 1 is not paired/
      ],
      [
        `${head}${named},{"name":"q","ph":"s","id":1,"pid":1,"tid":1,"ts":1},{"name":"q","ph":"f","bp":"e","id":1,"pid":1,"tid":1,"ts":2}]}`,
        /no enclosing slice/
      ],
      [
        `${head}${named},{"name":"b","ph":"b","cat":"t","id":1,"pid":1,"tid":1,"ts":1}]}`,
        /never ends/
      ],
      [
        `${head}${named},{"name":"x\\u001b[1m","ph":"i","pid":1,"tid":1,"ts":1}]}`,
        /control character/
      ]
    ]
    for (const [bad, problem] of cases) expect(checkChromeTrace(bad).join('\n')).toMatch(problem)
  })
})
