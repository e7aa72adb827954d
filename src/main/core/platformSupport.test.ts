import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cli } from '../../../test/headless/runCliCapture'
import { EXIT } from '../headless/runCli'
import { PoolScopeService } from './host/PoolScopeService'
import { unavailable } from './platformSupport'

const platform = process.platform
const setPlatform = (p: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: p })
const proc = process as { resourcesPath?: string }
afterEach(() => {
  setPlatform(platform)
  delete proc.resourcesPath
})

describe('watch and attach on each platform', () => {
  it('are available on Linux only, and say why elsewhere', () => {
    expect(unavailable('watch', 'linux')).toBeNull()
    expect(unavailable('attach', 'linux')).toBeNull()
    expect(unavailable('watch', 'darwin')).toMatch(
      /^watching a Python program is not available on macOS: it needs Linux/
    )
    expect(unavailable('attach', 'win32')).toMatch(
      /^attaching to a running process is not available on Windows: it needs Linux/
    )
    expect(unavailable('watch', 'freebsd')).toMatch(/not available on freebsd/)
  })

  it.each([
    ['watch', 'darwin', ['--', 'lesson.py']],
    ['watch', 'win32', ['--', 'lesson.py']],
    ['attach', 'darwin', [String(process.pid)]],
    ['attach', 'win32', [String(process.pid)]]
  ] as const)('`poolscope %s` as on %s refuses in one line, exit 2', async (cmd, p, args) => {
    setPlatform(p)
    const r = await cli(cmd, ...args)
    setPlatform(platform)
    expect(r.code).toBe(EXIT.badArgument)
    expect(r.err).toBe(`poolscope: ${unavailable(cmd, p)}\n`)
    expect(r.out).toBe('')
  })
})

describe('the lessons in CPython on each platform', () => {
  it.each(['darwin', 'win32'] as const)(
    'as on %s, startRun with runtime cpython is refused in one sentence',
    async (p) => {
      const service = new PoolScopeService()
      setPlatform(p)
      const started = service.call('startRun', { scenario: 'pipe', params: {}, runtime: 'cpython' })
      setPlatform(platform)
      await expect(started).rejects.toMatchObject({
        code: 'refused',
        message: unavailable('lessons', p)
      })
      expect(await service.call('listRuns', undefined)).toEqual([])
      await service.shutdown()
    }
  )
})

describe('where the Python files are', () => {
  it('the repository’s resources/python from the sources; beside app.asar when packaged', async () => {
    vi.resetModules()
    const fromSources = await import('./python/shimDir')
    expect(fromSources.pythonResources()).toBe(resolve(__dirname, '../../../resources/python'))

    const resources = mkdtempSync(join(tmpdir(), 'poolscope-resources-'))
    try {
      mkdirSync(join(resources, 'python'))
      writeFileSync(join(resources, 'python', 'sitecustomize.py'), '')
      proc.resourcesPath = resources
      vi.resetModules()
      const packaged = await import('./python/shimDir')
      expect(packaged.pythonResources()).toBe(join(resources, 'python'))
    } finally {
      rmSync(resources, { recursive: true, force: true })
    }
  })
})
