// Argument checks shared by the primitives: errors name the argument and what is wrong.
import { hasTask } from '../child/tasks'
import { isShareable } from './shareable'

export function checkTaskName(task: unknown, what = 'task'): string {
  if (typeof task !== 'string' || !hasTask(task)) {
    throw new TypeError(`${what}: unknown task name ${JSON.stringify(task)}`)
  }
  return task
}

/**
 * Arguments cross a process boundary as JSON: refuse what JSON would silently change. Host
 * objects a child can use (Queue, Lock, PipeEnd) are allowed: they travel as handles.
 */
export function checkSerialisable(value: unknown, what: string): void {
  const bad = findUnserialisable(value, new Set())
  if (bad) {
    const path = bad.path.reduceRight<string>(
      (acc, k) => acc + (typeof k === 'number' ? `[${k}]` : `.${k}`),
      what
    )
    throw new TypeError(`${path}${bad.circular ? ' (circular)' : ''} is not JSON-serialisable`)
  }
}

/** Where the first bad value is: path segments innermost first (built only on failure). */
interface Bad {
  path: (string | number)[]
  circular?: boolean
}

function findUnserialisable(v: unknown, seen: Set<object>): Bad | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null
  if (typeof v === 'number') return Number.isFinite(v) ? null : { path: [] }
  if (typeof v !== 'object') return { path: [] } // undefined, function, symbol, bigint
  if (isShareable(v)) return null
  if (seen.has(v)) return { path: [], circular: true }
  seen.add(v)
  const proto = Object.getPrototypeOf(v)
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i]
      // Numbers and strings, the bulk of a big map's items, skip the call.
      if (typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) continue
      const bad = findUnserialisable(x, seen)
      if (bad) return (bad.path.push(i), bad)
    }
  } else if (proto === Object.prototype || proto === null) {
    for (const k in v) {
      const bad = findUnserialisable((v as Record<string, unknown>)[k], seen)
      if (bad) return (bad.path.push(k), bad)
    }
  } else {
    return { path: [] }
  }
  seen.delete(v)
  return null
}

export function checkTimeout(ms: unknown, what = 'timeoutMs'): number | undefined {
  if (ms === undefined) return undefined
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`${what} must be a non-negative number of milliseconds, got ${String(ms)}`)
  }
  return ms
}

export function checkPositiveInt(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`${what} must be a positive integer, got ${String(n)}`)
  }
  return n
}
