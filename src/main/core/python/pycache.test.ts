// The shim's bytecode cache (POOLSCOPE_PYCACHE): the shim's modules are compiled into it, and the
// program keeps its own bytecode settings (sys.dont_write_bytecode, sys.pycache_prefix) as plain
// Python has them, with PYTHONDONTWRITEBYTECODE set or not.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { NO_WATCH } from '../../../../test/platforms'
import { defaultPython, scriptFile, watchProgram } from '../../../../test/python/watchProgram'
import { bytecodeCacheIn, shimBytecodeCache } from './shimDir'

const PROBE = `
import sys
print(repr((sys.dont_write_bytecode, sys.pycache_prefix)))
`

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
}

describe.skipIf(NO_WATCH)(`the shim's bytecode cache${NO_WATCH}`, () => {
  const saved = process.env.PYTHONDONTWRITEBYTECODE
  afterEach(() => {
    if (saved === undefined) delete process.env.PYTHONDONTWRITEBYTECODE
    else process.env.PYTHONDONTWRITEBYTECODE = saved
  })

  for (const dontWrite of ['1', undefined]) {
    it(`keeps the program's settings (PYTHONDONTWRITEBYTECODE ${dontWrite ?? 'unset'})`, async () => {
      if (dontWrite === undefined) delete process.env.PYTHONDONTWRITEBYTECODE
      else process.env.PYTHONDONTWRITEBYTECODE = dontWrite
      const script = scriptFile(PROBE)
      const plain = execFileSync(defaultPython().executable, [script], { encoding: 'utf8' })
      const run = await watchProgram([script])
      expect(run.result?.exitCode).toBe(0)
      const main = run.result!.mainPid
      const out = [...run.events]
        .filter((e) => e.type === 'stdout' && e.pid === main)
        .map((e) => (e.type === 'stdout' ? e.text : ''))
        .join('')
      expect(out).toBe(plain)
    }, 120_000)
  }

  it('holds the compiled shim after a run, one file per module and Python version', async () => {
    const cache = shimBytecodeCache()
    expect(cache).toBeDefined()
    process.env.PYTHONDONTWRITEBYTECODE = '1'
    const tag = execFileSync(
      defaultPython().executable,
      ['-c', 'import sys; print(sys.implementation.cache_tag)'],
      { encoding: 'utf8' }
    ).trim()
    const run = await watchProgram([scriptFile('import multiprocessing.queues\n')])
    expect(run.result?.exitCode).toBe(0)
    const compiled = files(cache!).filter((f) => f.endsWith(`.${tag}.pyc`))
    for (const mod of ['__init__', 'wire', 'procs', 'hooks', 'budget', 'mpobjs'])
      expect(compiled.some((f) => f.endsWith(join('poolscope_shim', `${mod}.${tag}.pyc`)))).toBe(
        true
      )
  }, 120_000)
})

describe('bytecodeCacheIn', () => {
  it('makes a 0700 directory, and refuses one others may write to or a file in its place', () => {
    const base = mkdtempSync(join(tmpdir(), 'poolscope-xdg-'))
    try {
      const dir = bytecodeCacheIn(base)
      expect(dir).toBe(join(base, 'poolscope', 'pycache'))
      expect(statSync(dir!).mode & 0o777).toBe(0o700)
      expect(bytecodeCacheIn(base)).toBe(dir) // there already: used again
      chmodSync(dir!, 0o777)
      expect(bytecodeCacheIn(base)).toBeUndefined()
      rmSync(dir!, { recursive: true })
      writeFileSync(dir!, '')
      expect(bytecodeCacheIn(base)).toBeUndefined()
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
})
