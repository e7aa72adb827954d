// A request to watch a Python program (the UI's form, the CLI's arguments) checked on the host:
// every path named in its error, a lesson's arguments read as its scenario's options.
import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CommandInput } from '../../../shared/api'
import { ParamError, parseParams } from '../../../shared/params'
import type { ScenarioProgram } from '../scenarios/ScenarioProgram'
import { ApiError } from '../host/ApiError'

const START_METHODS = ['fork', 'spawn', 'forkserver']

function kindOf(path: string): 'file' | 'directory' | 'other' | null {
  try {
    const st = statSync(path)
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other'
  } catch {
    return null
  }
}

/** `path` must be a regular file (a bad-input error naming it otherwise). */
export function checkScript(path: string, what = 'script'): void {
  const kind = kindOf(path)
  if (kind === null) throw new ApiError('bad-input', `no such ${what}: ${path}`)
  if (kind !== 'file') throw new ApiError('bad-input', `${what} is not a file: ${path}`)
}

/** `path` must be a directory (a bad-input error naming it otherwise). */
export function checkDirectory(path: string, what = 'working directory'): void {
  const kind = kindOf(path)
  if (kind === null) throw new ApiError('bad-input', `${what}: no such directory: ${path}`)
  if (kind !== 'directory') throw new ApiError('bad-input', `${what} is not a directory: ${path}`)
}

/** What follows the interpreter, and where it runs, for a script or a module: a relative
 *  script is taken from `cwd` if given, else from `hostCwd`; the default cwd is the script's
 *  directory (the host's own for a module). */
export function programCommand(
  input: CommandInput<'watchProgram'>,
  hostCwd: string
): { args: string[]; cwd: string; label: string } {
  const { program } = input
  const given = input.cwd === undefined ? undefined : resolve(hostCwd, input.cwd)
  if (given !== undefined) checkDirectory(given)
  const rest = input.args ?? []
  if (program.kind === 'script') {
    const script = resolve(given ?? hostCwd, program.path)
    checkScript(script)
    return { args: [script, ...rest], cwd: given ?? dirname(script), label: baseName(script) }
  }
  if (program.kind === 'module') {
    if (!/^[A-Za-z_][\w.]*$/.test(program.name))
      throw new ApiError('bad-input', `not a module name: '${program.name}'`)
    return {
      args: ['-m', program.name, ...rest],
      cwd: given ?? hostCwd,
      label: `-m ${program.name}`
    }
  }
  throw new ApiError('bad-input', 'a lesson is not a script')
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** A lesson's arguments read as its scenario's parameters (`--name value`, and
 *  `--start-method fork|spawn|forkserver`), checked against their ranges. */
export function lessonArgs(
  program: ScenarioProgram,
  args: readonly string[]
): { params: ReturnType<typeof parseParams>; startMethod?: string } {
  const id = program.spec.id
  const names = new Set(program.spec.params.map((p) => p.name))
  const given: Record<string, string> = {}
  let startMethod: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const eq = arg.indexOf('=')
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
    const name = flag.startsWith('--') ? flag.slice(2) : ''
    if (name !== 'start-method' && !names.has(name)) {
      const known = [...names, 'start-method'].map((n) => `--${n}`).join(', ')
      throw new ApiError('bad-input', `lesson ${id}: unknown option '${arg}' (known: ${known})`)
    }
    const value = inline ?? args[++i]
    if (value === undefined) throw new ApiError('bad-input', `lesson ${id}: ${flag} needs a value`)
    if (name === 'start-method') {
      if (!START_METHODS.includes(value))
        throw new ApiError(
          'bad-input',
          `lesson ${id}: --start-method must be one of ${START_METHODS.join(', ')}, not '${value}'`
        )
      startMethod = value
    } else given[name] = value
  }
  try {
    return { params: parseParams(program.spec, given), startMethod }
  } catch (err) {
    if (err instanceof ParamError) throw new ApiError('bad-input', `lesson ${id}: ${err.message}`)
    throw err
  }
}
