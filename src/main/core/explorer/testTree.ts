// Test helper: a real process tree (bash and its children), tagged like PoolScope's own
// children so that the stray check sees any left behind, in its own process group.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { ENV_HOST_PID } from '../protocol'

export interface TestTree {
  bash: ChildProcess
  pid: number
  /** The PIDs bash printed ($! of each background child), in order. */
  children: number[]
  /** Lines bash printed after the first `ready`. */
  lines: string[]
  /** SIGKILL to the whole group, then waits for bash to be reaped. */
  kill(): Promise<void>
  /** Until every child runs `program` (a child is bash's fork until it execs; `$!` is printed
   *  before that, so a command read at once may still be bash's). */
  execed(program: string): Promise<void>
}

/** Runs `script` under bash; it must print each child's `$!` and then `ready`. */
export function startTree(script: string): Promise<TestTree> {
  const bash = spawn('bash', ['-c', script], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, [ENV_HOST_PID]: String(process.pid) }
  })
  const children: number[] = []
  const lines: string[] = []
  let ready = false
  const exited = new Promise<void>((resolve) => bash.once('exit', () => resolve()))
  const tree: TestTree = {
    bash,
    pid: bash.pid!,
    children,
    lines,
    execed: async (program) => {
      const comm = (pid: number): string => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
        } catch {
          return ''
        }
      }
      for (let i = 0; i < 250 && !children.every((pid) => comm(pid) === program); i++)
        await new Promise((r) => setTimeout(r, 20))
    },
    kill: async () => {
      try {
        process.kill(-bash.pid!, 'SIGKILL')
      } catch {
        // the group is gone already
      }
      if (bash.exitCode === null && bash.signalCode === null) await exited
    }
  }
  return new Promise((resolve, reject) => {
    let rest = ''
    bash.stdout!.on('data', (chunk: Buffer) => {
      rest += chunk.toString()
      const parts = rest.split('\n')
      rest = parts.pop()!
      for (const line of parts) {
        if (ready) lines.push(line)
        else if (line === 'ready') {
          ready = true
          resolve(tree)
        } else children.push(Number(line))
      }
    })
    bash.once('exit', (code) => {
      if (!ready) reject(new Error(`test tree exited (${code}) before it was ready`))
    })
  })
}
