// Where the Python side of PoolScope lives (resources/python: the shim, the launcher, the
// lessons), found from this module's place whether it runs from src/ (tests) or out/ (built),
// or beside app.asar in the packaged app.
import { existsSync } from 'node:fs'
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
