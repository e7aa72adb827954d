import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isAlive } from '../procfs'
import { Lock } from '../primitives/Lock'
import { Queue } from '../primitives/Queue'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'
import { ProcessPool } from './ProcessPool'

let pool: ProcessPool | undefined
afterEach(async () => {
  await pool?.terminate()
  pool = undefined
})

describe('ProcessPool', () => {
  it('forks its workers up front; apply runs a task on one of them', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 4, sink: rec.sink })
    await pool.ready()
    const pids = pool.pids()
    expect(new Set(pids).size).toBe(4)
    expect(rec.of('proc.spawn').every((e) => e.ppid === process.pid && e.role === 'worker')).toBe(
      true
    )
    expect(rec.of('proc.ready')).toHaveLength(4)
    expect(await pool.apply('square', [10])).toBe(100)
    const [queued] = rec.of('task.queued')
    const [start] = rec.of('task.start')
    const [end] = rec.of('task.end')
    expect(queued).toMatchObject({ name: 'square' })
    expect(start).toMatchObject({ task: queued!.task })
    expect(pids).toContain(start!.worker)
    expect(end).toMatchObject({ task: queued!.task, worker: start!.worker, ok: true })
  })

  it('reuses its workers: more tasks than workers run on the same PIDs, in order', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 2, sink: rec.sink })
    await pool.ready()
    const pids = pool.pids()
    const items = Array.from({ length: 20 }, (_, i) => i + 1)
    const out = await pool.map('square', items, { chunksize: 1, args: [3] })
    expect(out).toEqual(items.map((x) => x * x))
    const workers = new Set(rec.of('task.start').map((e) => e.worker))
    expect([...workers].sort()).toEqual([...pids].sort())
    expect(rec.of('task.end')).toHaveLength(20)
    expect(rec.of('proc.spawn')).toHaveLength(2)
    const depths = rec.of('queue.depth').filter((e) => e.queue === `pool:${pool!.name}`)
    expect(depths.at(-1)?.depth).toBe(0)
  })

  it('map chunks items as CPython does; imap is ordered, imapUnordered yields every result', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 3, sink: rec.sink })
    const items = Array.from({ length: 20 }, (_, i) => i)
    expect(await pool.map('square', items)).toEqual(items.map((x) => x * x))
    // 20 items on 3 workers: chunksize ceil(20 / 12) = 2, so 10 tasks.
    expect(rec.of('task.queued')).toHaveLength(10)
    expect(rec.of('task.queued')[0]!.name).toBe('square[0..1]')
    const ordered: unknown[] = []
    for await (const v of pool.imap('square', [3, 1, 2], { chunksize: 1 })) ordered.push(v)
    expect(ordered).toEqual([9, 1, 4])
    const unordered: unknown[] = []
    for await (const v of pool.imapUnordered('square', [3, 1, 2])) unordered.push(v)
    expect(unordered.sort()).toEqual([1, 4, 9])
  })

  it('a map of plain numbers (packed on the wire) gives what JSON would, in every form', async () => {
    pool = new ProcessPool({ processes: 2 })
    const ints = Array.from({ length: 1000 }, (_, i) => i * 46_341) // squares pass 2^31
    expect(await pool.map('square', ints)).toEqual(ints.map((x) => x * x))
    expect(await pool.map('square', ints, { args: [0] })).toEqual(ints.map((x) => x * x))
    const doubles = Array.from({ length: 300 }, (_, i) => i / 7 - 20)
    doubles[3] = -0
    expect(await pool.map('echo', doubles, { chunksize: 100 })).toEqual(
      JSON.parse(JSON.stringify(doubles))
    )
    // Numbers in, objects out: the results go as JSON.
    const who = (await pool.map('whoami', ints.slice(0, 200))) as { index: number }[]
    expect(who.map((w) => w.index)).toEqual(ints.slice(0, 200))
    // A task's NaN result is null through JSON, packed or not.
    const mixed = await pool.map('square', [...ints.slice(0, 99), 'x'], { chunksize: 100 })
    expect(mixed.slice(0, 99)).toEqual(ints.slice(0, 99).map((x) => x * x))
    expect(mixed[99]).toBeNull()
    const ordered: unknown[] = []
    for await (const v of pool.imap('square', ints, { chunksize: 64 })) ordered.push(v)
    expect(ordered).toEqual(ints.map((x) => x * x))
    const unordered: number[] = []
    for await (const v of pool.imapUnordered('square', ints, { chunksize: 64 }))
      unordered.push(v as number)
    expect(unordered.sort((a, b) => a - b)).toEqual(ints.map((x) => x * x))
    // Like CPython's map: the first chunk to fail (in arrival order, which a loaded machine
    // may change) rejects the whole map with its first item's error.
    const firsts = ints.filter((_, i) => i % 500 === 0)
    await expect(pool.map('fail', ints, { chunksize: 500 })).rejects.toThrow(
      new RegExp(`^(${firsts.join('|')})$`)
    )
  })

  it('pool tasks can use a Queue and a Lock passed as arguments', async () => {
    const rec = recordEvents()
    const q = new Queue({ name: 'q', sink: rec.sink })
    const lock = new Lock({ name: 'L', sink: rec.sink })
    pool = new ProcessPool({ processes: 2, sink: rec.sink })
    await pool.ready()
    const said = await Promise.all([1, 2, 3].map((n) => pool!.apply('greet', [q, n])))
    expect(said).toEqual(['Hello World #1', 'Hello World #2', 'Hello World #3'])
    expect(q.qsize()).toBe(3)
    const putters = new Set(rec.of('queue.put').map((e) => e.pid))
    expect([...putters].every((pid) => pool!.pids().includes(pid))).toBe(true)
    expect(await pool.apply('holdLock', [lock, 1])).toBe(true)
    expect(rec.of('lock.acquire')[0]!.pid).not.toBe(process.pid)
  })

  it('a task error rejects that task with the error from the child; the worker stays', async () => {
    pool = new ProcessPool({ processes: 1 })
    await pool.ready()
    const [pid] = pool.pids()
    await expect(pool.apply('fail', ['boom'])).rejects.toThrow('boom')
    await expect(pool.map('fail', ['x', 'y'], { chunksize: 1 })).rejects.toThrow('x')
    expect(await pool.apply('square', [3])).toBe(9)
    expect(pool.pids()).toEqual([pid])
  })

  it('maxTasksPerChild retires a worker after that many tasks and replaces it', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 1, maxTasksPerChild: 2, sink: rec.sink })
    const out = await pool.map('square', [1, 2, 3, 4, 5, 6], { chunksize: 1 })
    expect(out).toEqual([1, 4, 9, 16, 25, 36])
    const byWorker = new Map<number, number>()
    for (const e of rec.of('task.end')) byWorker.set(e.worker, (byWorker.get(e.worker) ?? 0) + 1)
    expect([...byWorker.values()]).toEqual([2, 2, 2])
    await rec.waitFor((e) => e.type === 'proc.exit' && rec.of('proc.exit').length >= 3)
    expect(
      rec
        .of('proc.exit')
        .slice(0, 3)
        .every((e) => e.code === 0)
    ).toBe(true)
  })

  it('a worker killed mid-task fails that task naming pid and signal, and is replaced', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 2, sink: rec.sink })
    await pool.ready()
    const before = pool.pids()
    const doomed = pool.apply('wait', [60_000])
    const start = await rec.waitFor((e) => e.type === 'task.start')
    const victim = (start as { worker: number }).worker
    process.kill(victim, 'SIGKILL')
    await expect(doomed).rejects.toThrow(
      new RegExp(`worker pid ${victim} exited while running task .*signal SIGKILL`)
    )
    await rec.waitFor((e) => e.type === 'proc.ready' && !before.includes(e.pid))
    expect(pool.pids()).toHaveLength(2)
    expect(pool.pids()).not.toContain(victim)
    expect(await pool.apply('square', [7])).toBe(49)
    expect(rec.of('task.end').find((e) => e.worker === victim)).toMatchObject({ ok: false })
  })

  it('taskTimeoutMs fails a task that runs too long and replaces its worker', async () => {
    pool = new ProcessPool({ processes: 1, taskTimeoutMs: 200 })
    await pool.ready()
    const [pid] = pool.pids()
    await expect(pool.apply('wait', [60_000])).rejects.toThrow(/exceeded taskTimeoutMs 200 ms/)
    expect(await pool.apply('square', [2])).toBe(4)
    expect(pool.pids()).not.toContain(pid)
  })

  it('terminate() during a map kills the workers and fails the map', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 2, sink: rec.sink })
    const items = Array.from({ length: 50 }, () => 60_000)
    const mapping = pool.map('wait', items, { chunksize: 1 })
    await rec.waitFor((e) => e.type === 'task.start')
    const pids = pool.pids()
    const failed = expect(mapping).rejects.toThrow(/terminated|exited while running/)
    await pool.terminate()
    await failed
    expect(pool.state).toBe('terminated')
    expect(pids.every((p) => !isAlive(p))).toBe(true)
    await expect(pool.apply('square', [1])).rejects.toThrow(/terminated: no new work/)
  })

  it('close() lets queued work finish, then the workers exit; join() waits for them', async () => {
    const rec = recordEvents()
    pool = new ProcessPool({ processes: 2, sink: rec.sink })
    expect(() => pool!.join()).toThrow(/still running/)
    const results = Promise.all([1, 2, 3, 4, 5].map((x) => pool!.apply('square', [x, 20])))
    pool.close()
    await pool.join()
    expect(await results).toEqual([1, 4, 9, 16, 25])
    expect(rec.of('proc.exit').map((e) => e.code)).toEqual([0, 0])
    await expect(pool.apply('square', [1])).rejects.toThrow(/closing: no new work/)
  })

  it('stops respawning, with a clear error, when workers die while starting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-bad-'))
    const entry = join(dir, 'dies.js')
    writeFileSync(entry, 'process.exit(3)\n')
    const saved = process.env.POOLSCOPE_WORKER_ENTRY
    process.env.POOLSCOPE_WORKER_ENTRY = entry
    const rec = recordEvents()
    try {
      pool = new ProcessPool({ processes: 2, sink: rec.sink })
    } finally {
      process.env.POOLSCOPE_WORKER_ENTRY = saved
    }
    try {
      const result = pool.apply('square', [2])
      await expect(result).rejects.toThrow(/exited while starting \(exit code 3.*not respawning/)
      await pool.join()
      expect(rec.of('proc.spawn')).toHaveLength(2)
      expect(() => pool!.map('square', [1])).toThrow(/not respawning/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses bad arguments, naming them', () => {
    expect(() => new ProcessPool({ processes: 0 })).toThrow(/processes must be a positive integer/)
    expect(() => new ProcessPool({ processes: 1, taskTimeoutMs: -1 })).toThrow(
      /taskTimeoutMs must be a non-negative/
    )
    expect(() => new ProcessPool({ processes: 1, maxTasksPerChild: 0 })).toThrow(
      /maxTasksPerChild must be a positive integer/
    )
    pool = new ProcessPool({ processes: 1 })
    expect(() => pool!.apply('nope', [])).toThrow(/task: unknown task name "nope"/)
    expect(() => pool!.apply('square', [() => 1])).toThrow('args[0] is not JSON-serialisable')
    expect(() => pool!.map('square', [1, undefined])).toThrow('items[1] is not JSON-serialisable')
    expect(() => pool!.map('square', [1], { chunksize: 0 })).toThrow(/chunksize must be/)
  })
})
