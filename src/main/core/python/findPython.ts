// Which Python a watched program runs on: `--python PATH`, else `python3` on PATH, resolved to
// the real interpreter (pyenv's `python3` is a bash script that would show up as the program's
// parent). Older than 3.8, or missing: an error naming everything that was tried.
import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

export interface Python {
  /** The real interpreter (sys.executable as it reports it). */
  executable: string
  version: [number, number, number]
}

export class PythonNotFound extends Error {}

const MIN: [number, number] = [3, 8]
const PROBE = 'import sys; print(sys.executable); print(*sys.version_info[:3])'

/** The interpreter to use; throws PythonNotFound naming what was tried and why it failed. */
export function findPython(given?: string, path = process.env.PATH ?? ''): Python {
  const candidates = given ? [given] : onPath('python3', path)
  const tried: string[] = []
  if (candidates.length === 0) tried.push(`python3 (not on PATH)`)
  for (const cmd of candidates) {
    const found = probe(cmd)
    if (typeof found === 'string') {
      tried.push(`${cmd} (${found})`)
      continue
    }
    const [maj, min] = found.version
    if (maj < MIN[0] || (maj === MIN[0] && min < MIN[1])) {
      tried.push(`${cmd} (Python ${found.version.join('.')}, older than ${MIN.join('.')})`)
      continue
    }
    return found
  }
  throw new PythonNotFound(
    `no usable Python ${MIN.join('.')}+ found; tried: ${tried.join('; ')}` +
      (given ? '' : ' (give one with --python PATH)')
  )
}

function onPath(name: string, path: string): string[] {
  return path
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .filter((file) => {
      try {
        accessSync(file, constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}

/** The real interpreter behind `cmd` and its version, or why it cannot be used. */
function probe(cmd: string): Python | string {
  let out: string
  try {
    // -I -S: nothing of the environment or site runs; only sys is asked.
    out = execFileSync(cmd, ['-I', '-S', '-c', PROBE], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string }
    const why = e.code === 'ENOENT' ? 'not found' : e.code === 'EACCES' ? 'not executable' : ''
    return why || (e.stderr?.trim().split('\n').at(-1) ?? e.message).slice(0, 200)
  }
  const [exe, ver] = out.trim().split('\n')
  const version = (ver ?? '').split(' ').map(Number)
  if (!exe || version.length !== 3 || version.some((n) => !Number.isInteger(n)))
    return `unexpected answer: ${out.slice(0, 100)}`
  return { executable: exe, version: version as [number, number, number] }
}
