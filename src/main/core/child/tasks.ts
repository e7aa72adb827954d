// The task registry: functions cannot cross processes, so a child runs tasks by name. A
// scenario's own tasks live in its folder (scenarios/<id>/tasks.ts) and import only taskApi.ts:
// they run in the child's bundle, never beside the host's objects.
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
import type { LockProxy, PipeProxy, QueueProxy } from './taskApi'
import { gilTasks } from '../scenarios/gil/tasks'
import { helloTasks } from '../scenarios/hello/tasks'
import { poolTasks } from '../scenarios/kit/poolTasks'
import { writerTasks } from '../scenarios/kit/writerTasks'
import { pipeTasks } from '../scenarios/pipe/tasks'
import { pipeVsQueueTasks } from '../scenarios/pipe-vs-queue/tasks'
import { processTasks } from '../scenarios/process/tasks'
import { queueTasks } from '../scenarios/queue/tasks'
import { sleep } from './taskApi'

export type Task = (...args: never[]) => unknown
type AnyTask = (...args: unknown[]) => unknown

/** Tasks any scenario, test or benchmark can use; each scenario's own are in its folder. */
const common = {
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
  /** Waits for a token on `go` (a start gate the host opens for everyone at once), then runs
   *  `task(...args)`: children forked one after another start their work together. */
  async gated(go: QueueProxy, task: string, ...args: unknown[]): Promise<unknown> {
    await go.get()
    return runTask(task, args)
  },
  /** Runs `task(...args)`, then stays alive `holdMs` (children that live for different times). */
  async lingering(holdMs: number, task: string, ...args: unknown[]): Promise<unknown> {
    const result = await runTask(task, args)
    if (holdMs > 0) await sleep(holdMs)
    return result
  }
}

/** Merges task groups into one registry; a name defined twice is a mistake, said at load. */
export function mergeTasks(...groups: Record<string, Task>[]): Record<string, Task> {
  const out: Record<string, Task> = {}
  for (const group of groups) {
    for (const [name, task] of Object.entries(group)) {
      if (Object.hasOwn(out, name)) throw new Error(`task '${name}' is defined twice`)
      out[name] = task
    }
  }
  return out
}

export const tasks: Record<string, Task> = mergeTasks(
  common,
  helloTasks,
  processTasks,
  queueTasks,
  pipeTasks,
  writerTasks,
  poolTasks,
  gilTasks,
  pipeVsQueueTasks
)

export function hasTask(name: string): boolean {
  return Object.hasOwn(tasks, name)
}

function runTask(name: string, args: unknown[]): unknown {
  if (!hasTask(name)) throw new Error(`unknown task '${name}'`)
  return (tasks[name] as AnyTask)(...args)
}
