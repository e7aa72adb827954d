// Where the Python side of PoolScope lives (resources/python: the shim, the launcher, the
// lessons), found from this module's place whether it runs from src/ (tests) or out/ (built),
// or beside app.asar in the packaged app.
import { existsSync, lstatSync, mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

let found: string | undefined

export function pythonResources(): string {
  if (found) return found
  // The packaged app: electron-builder puts them beside app.asar (extraResources, `python`).
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  if (packaged && existsSync(join(packaged, 'python', 'sitecustomize.py')))
    return (found = join(packaged, 'python'))
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'python')
    if (existsSync(join(candidate, 'sitecustomize.py'))) return (found = candidate)
    if (dirname(dir) === dir) break
  }
  throw new Error(`PoolScope's Python files (resources/python) were not found above ${__dirname}`)
}

/** A directory for the shim's compiled bytecode (POOLSCOPE_PYCACHE), or undefined if none can
 *  be used. Python compiles the shim in every process otherwise (the resources folder may be
 *  read-only, and PYTHONDONTWRITEBYTECODE is common): ~15 ms of CPU per process, most of the
 *  shim's start-up (docs/measurements.md). */
export function shimBytecodeCache(): string | undefined {
  if (cache === null)
    cache = bytecodeCacheIn(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'))
  return cache
}

let cache: string | undefined | null = null

/** `base`/poolscope/pycache, made if need be; undefined unless it is a directory of ours alone
 *  (0700, this user's): Python runs what it finds there. */
export function bytecodeCacheIn(base: string): string | undefined {
  try {
    const dir = join(base, 'poolscope', 'pycache')
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const st = lstatSync(dir)
    const uid = process.getuid?.()
    if (st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0)
      return dir
  } catch {
    // no cache: the shim is compiled in each process, as Python does without one
  }
  return undefined
}
