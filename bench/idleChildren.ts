// N idle children (`sleep`) for benchmarks that need processes on the machine, killed however
// the benchmark ends (even by SIGKILL of the benchmark: they sleep no longer than the longest
// run would take).
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'

export interface IdleChildren {
  pids: number[]
  kill(): Promise<void>
}

export async function idleChildren(n: number, sleepSeconds = 300): Promise<IdleChildren> {
  const children: ChildProcess[] = []
  const killAll = (): void => children.forEach((c) => c.kill('SIGKILL'))
  const onSignal = (): void => {
    killAll()
    process.exit(130)
  }
  process.once('exit', killAll)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  for (let i = 0; i < n; i++) {
    const child = spawn('sleep', [String(sleepSeconds)], { stdio: 'ignore' })
    children.push(child)
    await once(child, 'spawn')
  }
  return {
    pids: children.map((c) => c.pid!),
    async kill() {
      const gone = children.map((c) => c.exitCode ?? c.signalCode ?? once(c, 'exit'))
      killAll()
      await Promise.all(gone)
      process.off('exit', killAll)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
