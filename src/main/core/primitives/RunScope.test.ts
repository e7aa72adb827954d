import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { isAlive } from '../procfs'
import { hello } from '../scenarios/hello/program'
import type { ScenarioProgram } from '../scenarios/ScenarioProgram'
import { Run } from '../session/Run'
import { RunScope } from './RunScope'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'

describe('RunScope', () => {
  it('dispose() terminates pools and closes queues and pipes', async () => {
    const rec = recordEvents()
    const scope = new RunScope(rec.sink)
    const pool = scope.pool({ processes: 2 })
    const q = scope.queue({ name: 'q' })
    const [a, b] = await scope.pipe()
    await pool.ready()
    expect(scope.workerPids().sort()).toEqual(pool.pids().sort())
    const [victim] = pool.pids()
    expect(scope.killWorker(victim!, 'SIGKILL')).toBe(true)
    await rec.waitFor((e) => e.type === 'proc.exit' && e.pid === victim)
    await rec.waitFor((e) => e.type === 'proc.ready' && rec.of('proc.ready').length === 3)
    expect(scope.killWorker(victim!, 'SIGKILL')).toBe(false)
    const pids = pool.pids()
    expect(pids).toHaveLength(2)
    const waiting = expect(q.get()).rejects.toThrow(/closed/)
    await scope.dispose()
    await waiting
    expect(a.isClosed && b.isClosed).toBe(true)
    expect(pool.state).toBe('terminated')
    expect(pids.some(isAlive)).toBe(false)
    expect(() => scope.queue()).toThrow('run stopped')
  })

  it('a scenario program uses them through ScenarioContext; stopping the run ends its pool', async () => {
    const events: RunEvent[] = []
    let pids: number[] = []
    const program: ScenarioProgram = {
      spec: hello.spec,
      async run(ctx) {
        const q = ctx.queue({ name: 'greetings' })
        const lock = ctx.lock('print')
        const sender = ctx.process({ task: 'greet', args: [q, 1] })
        await sender.start()
        const got = await q.get()
        const pool = ctx.pool({ processes: 2 })
        await pool.ready()
        pids = pool.pids()
        const squares = await pool.map('square', [1, 2, 3])
        await lock.acquire()
        lock.release()
        await ctx.pause(60_000) // stopped here
        return { got, squares }
      },
      verdict: () => [],
      texts: {}
    }
    const run = new Run('r1', program, {}, (_run, e) => events.push(e)).start()
    while (!events.some((e) => e.type === 'lock.release')) {
      await new Promise((r) => setTimeout(r, 10))
    }
    await run.stop()
    expect(run.status).toBe('stopped')
    expect(pids).toHaveLength(2)
    expect(pids.some(isAlive)).toBe(false)
    const types = new Set(events.map((e) => e.type))
    for (const t of ['queue.put', 'queue.get', 'task.start', 'task.end', 'lock.acquire']) {
      expect(types).toContain(t)
    }
  })
})
