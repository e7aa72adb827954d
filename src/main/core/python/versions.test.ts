// The shim on every CPython this machine has (pyenv's 3.8–3.13), one lesson each; versions that
// are absent are skipped with the reason. A host killed with SIGKILL leaves nothing behind.
import { expectVerdictPassed } from '../../../../test/core/scenarios/runScenario'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { parseParams } from '../../../shared/params'
import { processesTaggedWith } from '../procfs'
import { ENV_HOST_PID } from '../protocol'
import { programs } from '../scenarios/registry'
import { scriptFile, watchProgram } from '../../../../test/python/watchProgram'
import { findPython } from './findPython'
import { lessonOptions } from './lessonRun'
import { LONG_TESTS } from '../../../../test/longTests'

const PYENV = join(homedir(), '.pyenv', 'versions')
const installed = existsSync(PYENV) ? readdirSync(PYENV) : []

// The oldest and newest by default (the default python3 runs every other test); all of them
// with POOLSCOPE_LONG_TESTS=1.
const MINORS = LONG_TESTS ? ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'] : ['3.8', '3.13']

describe.each(MINORS)('CPython %s', (minor) => {
  const dir = installed.find((v) => v.startsWith(`${minor}.`))
  const exe = dir && join(PYENV, dir, 'bin', 'python')
  it.skipIf(!exe)(
    exe
      ? "the queue lesson's verdict passes"
      : `skipped: no CPython ${minor} under ~/.pyenv/versions`,
    async () => {
      const python = findPython(exe)
      expect(python.version.slice(0, 2).join('.')).toBe(minor)
      const program = programs.get('queue')!
      const run = await watchProgram(
        [],
        lessonOptions(program, parseParams(program.spec, {}), python)
      )
      expectVerdictPassed(run.verdict)
    }
  )
})

describe('interpreter discovery', () => {
  it('names what it tried when the interpreter is too old or missing', () => {
    const old = installed.find((v) => v.startsWith('3.7.') || v.startsWith('3.6.'))
    if (old) expect(() => findPython(join(PYENV, old, 'bin', 'python'))).toThrow(/older than 3\.8/)
    expect(() => findPython(undefined, '/nonexistent')).toThrow(/python3 \(not on PATH\)/)
  })

  it('resolves python3 on PATH to the real interpreter (not a pyenv shim script)', () => {
    const python = findPython()
    expect(python.executable).not.toMatch(/shims/)
  })
})

describe('a host killed with SIGKILL while watching', () => {
  it('leaves no process of the program behind (the launcher ends the tree)', async () => {
    const script = scriptFile(
      'import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(60)\nprint("ready", flush=True)\ntime.sleep(60)\n'
    )
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, '../../cli.ts'), 'watch', '--json', '--', script],
      {
        env: { ...process.env, [ENV_HOST_PID]: String(process.pid) },
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    for await (const line of createInterface({ input: host.stdout! }))
      if (line.includes('ready')) break
    const tree = processesTaggedWith(host.pid!)
    expect(tree.length).toBeGreaterThanOrEqual(3) // the launcher, the program, its setsid child
    host.kill('SIGKILL')
    let left = tree
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 50))
      left = processesTaggedWith(host.pid!)
    }
    expect(left).toEqual([])
  })
})
