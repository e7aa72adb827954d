import { describe, expect, it } from 'vitest'
import { HELLO_CHILD_PID, HELLO_HOST_PID, helloEvents } from '../test/fixtures/helloRun'
import {
  lockRun,
  mixRun,
  pipeRun,
  poolRun,
  queueRun,
  samples,
  SYN_HOST
} from '../test/fixtures/synthetic'
import { MAX_CONSOLE } from './consoleModel'
import type { RunState } from './runState'
import { applyEvents, emptyRun } from './runState'
import { CPU_WINDOW_MS, MAX_CPU_POINTS, MAX_SERIES_POINTS, POOL_QUEUE } from './seriesModel'
import { MAX_SPANS, MAX_TICKS } from './timelineModel'
import type { RunEvent } from '../../../shared/events'

const run = (events: RunEvent[], chunk = 50): RunState => {
  let s = emptyRun('r')
  for (let i = 0; i < events.length; i += chunk) s = applyEvents(s, events.slice(i, i + chunk))
  return s
}

describe('applyEvents on a recorded hello run', () => {
  it('knows the host, the child, its exit and the verdict', () => {
    const s = run(helloEvents, 3)
    expect(s.hostPid).toBe(HELLO_HOST_PID)
    const child = s.procs.get(HELLO_CHILD_PID)!
    expect(child).toMatchObject({ ppid: HELLO_HOST_PID, state: 'exited', code: 0 })
    expect(s.status).toBe('finished')
    expect(s.verdict?.passed).toBe(true)
    expect(s.console.lines[0]!.segments[0]!.text).toContain(`hello from pid ${HELLO_CHILD_PID}`)
    expect(s.series.cpu.length).toBeGreaterThan(0)
    expect(s.host.ppid).not.toBeNull()
  })

  it('leaves the previous state untouched', () => {
    const before = emptyRun('r')
    applyEvents(before, helloEvents)
    expect(before.procs.size).toBe(0)
    expect(before.console.lines).toHaveLength(0)
  })
})

describe('bounded memory (synthetic)', () => {
  it('keeps a rolling 60 s CPU window over an hour of samples', () => {
    const s = run(
      [
        { t: 0, type: 'run.start', scenario: 'x', params: {}, hostPid: SYN_HOST },
        ...samples(3_600_000, 100)
      ],
      400
    )
    expect(s.series.cpu.length).toBeLessThanOrEqual(MAX_CPU_POINTS)
    const first = s.series.cpu[0]!.t
    const last = s.series.cpu[s.series.cpu.length - 1]!.t
    expect(last - first).toBeLessThanOrEqual(CPU_WINDOW_MS)
    expect(last).toBe(3_600_000)
    expect(s.series.cpu[0]!.run).not.toBeNull()
    expect(s.series.cpu[0]!.host).toBe(3)
  })

  it('keeps the console, spans and ticks at their caps', () => {
    const ev: RunEvent[] = [
      { t: 0, type: 'run.start', scenario: 'x', params: {}, hostPid: SYN_HOST }
    ]
    for (let i = 0; i < MAX_CONSOLE + 500; i++)
      ev.push({ t: i, type: 'stdout', pid: 1001, text: `line ${i}\n` })
    for (let i = 0; i < MAX_SPANS + 100; i++) {
      ev.push({ t: i, type: 'task.start', task: i, worker: 1001 })
      ev.push({ t: i + 0.5, type: 'task.end', task: i, worker: 1001, ok: true })
    }
    const s = run(ev, 1000)
    expect(s.console.lines).toHaveLength(MAX_CONSOLE)
    expect(s.console.lines.at(-1)!.segments[0]!.text).toBe(`line ${MAX_CONSOLE + 499}`)
    expect(s.timeline.spans).toHaveLength(MAX_SPANS)
    expect(s.timeline.totals.spans).toBe(MAX_SPANS + 100)
    expect(s.timeline.ticks.length).toBeLessThanOrEqual(MAX_TICKS)
  })

  it('keeps a 20,000-task pool queue series at a fixed size, peaks included', () => {
    const s = run(poolRun(5, 20_000, 1), 2000)
    const q = s.series.queues.get(POOL_QUEUE)!
    expect(q.series.length).toBeLessThanOrEqual(MAX_SERIES_POINTS)
    expect(q.max).toBe(20_000)
    expect(Math.max(...q.series.map((p) => p.v))).toBe(20_000)
    expect(q.depth).toBe(0)
    expect(s.series.tasks).toMatchObject({ queued: 20_000, done: 19_999, failed: 1 })
  })
})

describe('what the views need (synthetic)', () => {
  it('queue: depth, blocked put (counted once), one message left', () => {
    const q = run(queueRun()).series.queues.get('q')!
    expect(q).toMatchObject({ depth: 1, max: 1, puts: 3, gets: 2, blocked: 1, waiting: 0 })
    expect(q.blockedAt).toEqual([{ t: 12, v: 1 }])
  })

  it('lock: waiting count and wait/hold spans that do not overlap', () => {
    const s = run(lockRun())
    const l = s.series.locks.get('print')!
    expect(l.series.map((p) => p.v)).toEqual([3, 2, 1, 0])
    const holds = s.timeline.spans.filter((x) => x.kind === 'lock-hold')
    expect(holds).toHaveLength(3)
    for (let i = 1; i < holds.length; i++)
      expect(holds[i]!.start).toBeGreaterThanOrEqual(holds[i - 1]!.end)
    expect(s.timeline.spans.filter((x) => x.kind === 'lock-wait')).toHaveLength(3)
  })

  it('pipe: one arrow from sender to receiver', () => {
    const s = run(pipeRun())
    expect(s.timeline.arrows).toEqual([
      { pipe: 'p', from: 1001, to: 1002, tSend: 10, tRecv: 12, bytes: 11, count: 1 }
    ])
  })

  it('pipe bursts: one event for many messages, received in two parts (synthetic)', () => {
    const s = run([
      { t: 0, type: 'run.start', scenario: 'pipe', params: {}, hostPid: SYN_HOST },
      { t: 1, type: 'pipe.send', pipe: 'p', pid: 1001, bytes: 100, msg: 9, count: 10 },
      { t: 2, type: 'pipe.recv', pipe: 'p', pid: 1002, bytes: 40, msg: 3, count: 4 },
      { t: 3, type: 'pipe.recv', pipe: 'p', pid: 1002, bytes: 60, msg: 9, count: 6 }
    ])
    expect(s.timeline.arrows.map((a) => [a.tSend, a.tRecv, a.count])).toEqual([
      [1, 2, 4],
      [1, 3, 6]
    ])
    expect(s.timeline.pending.get('p')).toEqual([])
  })

  it('mix: pieces of three processes tear the line', () => {
    const lines = run(mixRun(), 2).console.lines
    expect(lines[0]!.torn).toBe(true)
    expect(new Set(lines[0]!.segments.map((s) => s.pid))).toEqual(new Set([1001, 1002, 1003]))
  })

  it('pool: tasks as spans on their workers, the failed one marked', () => {
    const s = run(poolRun(3, 9, 5))
    expect(s.timeline.spans.filter((x) => x.kind === 'task')).toHaveLength(9)
    expect(s.timeline.spans.find((x) => x.label === '#7')?.failed).toBe(true)
  })
})
