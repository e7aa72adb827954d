// Where a CLI trace goes: the path, its format (named, or implied by the file name), checked
// before any work so that a bad path is a bad argument (exit 2), not a lost run.
import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { TraceFormat } from '../../../shared/api'
import { formatOfPath } from './traceFiles'

export interface TraceTarget {
  path: string
  format: TraceFormat
}

export class TraceTargetError extends Error {}

export function traceTarget(
  path: string,
  format: TraceFormat | undefined,
  flag: string
): TraceTarget {
  if (path.trim() === '') throw new TraceTargetError(`${flag}: empty file name`)
  const dir = dirname(resolve(path))
  let isDir = false
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    // reported below
  }
  if (!isDir) throw new TraceTargetError(`${flag}: directory '${dir}' does not exist`)
  try {
    if (statSync(path).isDirectory())
      throw new TraceTargetError(`${flag}: '${path}' is a directory`)
  } catch (e) {
    if (e instanceof TraceTargetError) throw e
  }
  return { path, format: format ?? formatOfPath(path) ?? 'native' }
}
