// Runs one Python multiprocessing baseline (mp_baselines.py beside this file) in this same
// benchmark run. Without python3 the baseline is null and the row says why.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

export interface PythonBaseline {
  value: number | null
  note?: string
}

const SCRIPT = resolve(import.meta.dirname, 'mp_baselines.py')

export function pythonBaseline(kind: string, ...args: number[]): PythonBaseline {
  const r = spawnSync('python3', [SCRIPT, kind, ...args.map(String)], {
    encoding: 'utf8',
    timeout: 10 * 60_000
  })
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT'
    return {
      value: null,
      note: missing ? 'python3 not found: Python baseline skipped' : r.error.message
    }
  }
  if (r.status !== 0)
    return { value: null, note: `python baseline failed: ${r.stderr.trim().split('\n').at(-1)}` }
  return { value: (JSON.parse(r.stdout) as { value: number }).value }
}

/** The median of `times` runs (streams are single shots, and the machine may be busy). */
export function pythonMedian(times: number, kind: string, ...args: number[]): PythonBaseline {
  const runs = Array.from({ length: times }, () => pythonBaseline(kind, ...args))
  const failed = runs.find((r) => r.value === null)
  if (failed) return failed
  const values = runs.map((r) => r.value!).sort((a, b) => a - b)
  return { value: values[values.length >> 1]! }
}
