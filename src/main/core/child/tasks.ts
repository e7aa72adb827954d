// The task registry: functions cannot cross processes, so a child runs tasks by name.
//
// How a task uses the child API:
// - Arguments are JSON values, except host objects passed as arguments: a host `Queue`, `Lock`
//   or `PipeEnd` arrives as a QueueProxy (`await q.put(x)`, `await q.get({ timeoutMs })`,
//   `await q.qsize()`), LockProxy (`await lock.acquire(timeoutMs?)` → boolean, `lock.release()`)
//   or PipeProxy (`await conn.send(v)`, `await conn.recv()` → rejects with EOFError once the
//   other end closed, `conn.close()`). Their events (queue.put, lock.acquire, pipe.send, …) are
//   recorded by the host with this process's PID.
// - `write(text)` (taskApi.ts) is this process's output, ordered with its lock/queue/pipe
//   messages; plain `process.stdout.write` is captured too, but on its own stream.
// - `sleep(ms)` and `spin(ms)` (busy CPU) from taskApi.ts.
// - The return value (JSON) is the task's result; a throw rejects it with {name, message, stack}.
import { Worker } from 'node:worker_threads'
import type { LockProxy, PipeProxy, QueueProxy } from './taskApi'
import { scenarioTasks } from './scenarioTasks'
import { sleep, spin, write } from './taskApi'

export type Task = (...args: never[]) => unknown

export const tasks: Record<string, Task> = {
  ...scenarioTasks,
  /** The `hello` scenario: say who we are and who our parent is, then stay alive `holdMs`. */
  async hello(holdMs = 0): Promise<{ pid: number; ppid: number }> {
    process.stdout.write(`hello from pid ${process.pid}, parent pid ${process.ppid}\n`)
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs))
    return { pid: process.pid, ppid: process.ppid }
  },
  /** Keeps one core busy for `ms` (monitor tests); `ignoreSigterm` leaves only SIGKILL to end it.
   *  Returns the CPU time this process got meanwhile, by its own account. */
  burn(ms: number, ignoreSigterm = false): { cpuMs: number; wallMs: number } {
    if (ignoreSigterm) process.on('SIGTERM', () => {})
    process.stdout.write(`burning for ${ms} ms\n`) // says the task (and its handler) is on
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    while (performance.now() - t0 < ms);
    const { user, system } = process.cpuUsage(cpu0)
    return { cpuMs: (user + system) / 1000, wallMs: performance.now() - t0 }
  },
  /** `process`: print index, PID and parent PID (the tutorial's sample_process). */
  whoami(index: number): { index: number; pid: number; ppid: number } {
    write(`process #${index}: pid ${process.pid}, parent pid ${process.ppid}\n`)
    return { index, pid: process.pid, ppid: process.ppid }
  },
  /** Pool tasks: x², after `busyMs` of CPU work. */
  square(x: number, busyMs = 0): number {
    if (busyMs > 0) spin(busyMs)
    return x * x
  },
  /** The trivial task of the round-trip benchmarks. */
  echo(value: unknown): unknown {
    return value
  },
  /** Waits `ms` without using CPU (tests: a task that is surely still running). */
  async wait(ms: number): Promise<number> {
    await sleep(ms)
    return process.pid
  },
  /** Throws an error with `message` (tests: a failing task). */
  fail(message: string): never {
    throw new Error(message)
  },
  /** Exits the process at once with `code` (tests: a worker that dies mid-task). */
  exit(code: number): never {
    process.exit(code)
  },
  /** `queue`: put one greeting on the queue. */
  async greet(queue: QueueProxy, n: number): Promise<string> {
    const text = `Hello World #${n}`
    await queue.put(text)
    return text
  },
  /** Puts `count` messages of about `bytes` characters (streams, pipe-vs-queue). */
  async putMany(queue: QueueProxy, count: number, bytes = 16): Promise<number> {
    const pad = 'x'.repeat(Math.max(0, bytes))
    for (let i = 0; i < count; i++) await queue.put(pad)
    return count
  },
  /** Gets one item from the queue and returns it (`timeoutMs` as Queue.get). */
  take(queue: QueueProxy, timeoutMs?: number): Promise<unknown> {
    return queue.get(timeoutMs === undefined ? {} : { timeoutMs })
  },
  /** `lock` tests: acquire, hold `holdMs`, release; returns whether it got the lock. */
  async holdLock(lock: LockProxy, holdMs: number, timeoutMs?: number): Promise<boolean> {
    if (!(await lock.acquire(timeoutMs))) return false
    await sleep(holdMs)
    lock.release()
    return true
  },
  /**
   * `mix` / `lock`: writes one line in `pieces` pieces with random pauses up to `jitterMs`,
   * holding `lock` around the whole line when one is given.
   */
  async printLine(index: number, pieces: number, jitterMs: number, lock?: LockProxy | null) {
    if (lock) await lock.acquire()
    try {
      const words = `process #${index} (pid ${process.pid}) writes its line`.split(' ')
      const per = Math.ceil(words.length / Math.max(1, pieces))
      for (let i = 0; i < words.length; i += per) {
        const last = i + per >= words.length
        write(words.slice(i, i + per).join(' ') + (last ? '\n' : ' '))
        if (!last) await sleep(Math.random() * jitterMs)
      }
    } finally {
      lock?.release()
    }
    return process.pid
  },
  /** `pipe`: send `message` `count` times, then close this end. */
  async pipeSend(conn: PipeProxy, message: unknown, count = 1, close = true): Promise<number> {
    for (let i = 0; i < count; i++) await conn.send(message)
    if (close) conn.close()
    return count
  },
  /** `pipe`: receive until the other end closes (or `max` messages), printing each. */
  async pipeRecv(conn: PipeProxy, max = Infinity, print = true): Promise<unknown[]> {
    const got: unknown[] = []
    while (got.length < max) {
      let m: unknown
      try {
        m = await conn.recv()
      } catch (err) {
        if ((err as Error).name === 'EOFError') break
        throw err
      }
      if (print) write(`received: ${typeof m === 'string' ? m : JSON.stringify(m)}\n`)
      got.push(m)
    }
    return got
  },
  /** Sends `count` messages of about `bytes` characters, then closes (streams). */
  async pipeSendMany(conn: PipeProxy, count: number, bytes = 16): Promise<number> {
    const pad = 'x'.repeat(Math.max(0, bytes))
    for (let i = 0; i < count; i++) await conn.send(pad)
    conn.close()
    return count
  },
  /** Tests: a send of what JSON cannot carry (undefined) rejects; the sends around it go. */
  async pipeSendOdd(conn: PipeProxy): Promise<string> {
    await conn.send('before')
    let why = 'sent'
    await conn.send(undefined).catch((e: Error) => (why = `${e.name}: ${e.message}`))
    await conn.send('after')
    conn.close()
    return why
  },
  /** Sends back whatever arrives until the other end closes (ping-pong). */
  async pipeEcho(conn: PipeProxy): Promise<number> {
    let n = 0
    for (;;) {
      try {
        await conn.send(await conn.recv())
        n++
      } catch (err) {
        if ((err as Error).name === 'EOFError') return n
        throw err
      }
    }
  },
  /** `gil` (a): `n` CPU jobs of `workMs` interleaved on this one event loop; wall ms. */
  async burnInterleaved(n: number, workMs: number, sliceMs = 5): Promise<number> {
    const t0 = performance.now()
    const job = async (): Promise<void> => {
      for (let done = 0; done < workMs; done += sliceMs) {
        spin(Math.min(sliceMs, workMs - done))
        await new Promise((r) => setImmediate(r))
      }
    }
    await Promise.all(Array.from({ length: n }, job))
    return performance.now() - t0
  },
  /** `gil` (c): `n` worker_threads, each `workMs` of CPU; they run in parallel. Wall ms. */
  async burnThreads(n: number, workMs: number): Promise<number> {
    const t0 = performance.now()
    const code = `const e = performance.now() + ${Number(workMs)}; while (performance.now() < e);`
    await Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise((resolve, reject) => {
            const w = new Worker(code, { eval: true })
            w.once('exit', resolve).once('error', reject)
          })
      )
    )
    return performance.now() - t0
  }
}

export function hasTask(name: string): boolean {
  return Object.hasOwn(tasks, name)
}
