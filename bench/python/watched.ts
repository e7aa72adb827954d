// Runs one Python program twice over for the shim benchmarks: plain (the interpreter alone) and
// watched (a real ProgramRun: launcher, shim, ShimServer, translation into the run's events).
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { childNice } from '../../src/main/core/child/childNice'
import type { RunEvent } from '../../src/shared/events'
import type { Python } from '../../src/main/core/python/findPython'
import { findPython, PythonNotFound } from '../../src/main/core/python/findPython'
import { ProgramRun } from '../../src/main/core/python/ProgramRun'

/** The interpreter the rows use, or why they are skipped. */
export function benchPython(): Python | string {
  try {
    return findPython(process.env.POOLSCOPE_BENCH_PYTHON)
  } catch (err) {
    if (err instanceof PythonNotFound) return err.message
    throw err
  }
}

export interface Ran {
  ms: number
  stdout: string
}

/** The program alone, its output collected; a failure is an error naming the program. It runs
 *  as nice as a watched program's tree (childNice): on a busy machine that decides its speed. */
export function runPlain(python: Python, args: string[]): Promise<Ran> {
  return timed(['nice', '-n', String(childNice()), python.executable, ...args], args)
}

const FLOOR = resolve(import.meta.dirname, 'floor.py')

/** The program under the least a launcher can be (floor.py: a bare interpreter that starts it
 *  at the tree's nice and waits): what a watched run costs before the shim and the host. */
export function runFloor(python: Python, args: string[]): Promise<Ran> {
  const py = python.executable
  return timed([py, '-I', '-S', FLOOR, String(childNice()), py, ...args], args)
}

function timed(argv: string[], args: string[]): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1' }
  delete env.POOLSCOPE_SOCK
  const t = performance.now()
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      const ms = performance.now() - t
      if (code === 0) resolve({ ms, stdout })
      else reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim().slice(-300)}`))
    })
  })
}

export interface Watched extends Ran {
  events: RunEvent[]
}

/** The program watched as PoolScope watches it; fails unless the run passed its exit check. */
export async function runWatched(
  python: Python,
  args: string[],
  onEvent?: (e: RunEvent) => void
): Promise<Watched> {
  const t = performance.now()
  const run = new ProgramRun('bench', { python, args, label: 'bench' }, (_r, e) => onEvent?.(e))
  await run.start().done
  const ms = performance.now() - t
  const events = [...run.events]
  const main = run.result?.mainPid
  if (run.status !== 'finished' || run.result?.exitCode !== 0 || !run.result.instrumented) {
    const err = events.filter((e) => e.type === 'stderr').map((e) => e.text)
    throw new Error(
      `${args.join(' ')} watched: ${run.status}, exit ${run.result?.exitCode}, ` +
        `instrumented ${run.result?.instrumented}: ${err.join('').trim().slice(-300)}`
    )
  }
  const stdout = events
    .filter((e) => e.type === 'stdout' && e.pid === main)
    .map((e) => (e.type === 'stdout' ? e.text : ''))
    .join('')
  return { ms, stdout, events }
}
