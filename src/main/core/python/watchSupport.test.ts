import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cli } from '../../../../test/headless/runCliCapture'
import { EXIT } from '../../headless/runCli'
import { watchUnavailable } from './watchSupport'

const platform = process.platform
const setPlatform = (p: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: p })
const proc = process as { resourcesPath?: string }
afterEach(() => {
  setPlatform(platform)
  delete proc.resourcesPath
})

describe('watching a Python program on each platform', () => {
  it('is available on Linux only, and says why elsewhere', () => {
    expect(watchUnavailable('linux')).toBeNull()
    expect(watchUnavailable('darwin')).toMatch(
      /^watching a Python program is not available on macOS: it needs Linux/
    )
    expect(watchUnavailable('win32')).toMatch(/not available on Windows/)
    expect(watchUnavailable('freebsd')).toMatch(/not available on freebsd/)
  })

  it.each(['darwin', 'win32'] as const)(
    'as on %s, `poolscope watch` refuses in one line, exit 2',
    async (p) => {
      setPlatform(p)
      const r = await cli('watch', '--', 'lesson.py')
      setPlatform(platform)
      expect(r.code).toBe(EXIT.badArgument)
      expect(r.err).toBe(`poolscope: ${watchUnavailable(p)}\n`)
      expect(r.out).toBe('')
    }
  )
})

describe('where the Python files are', () => {
  it('the repository’s resources/python from the sources; beside app.asar when packaged', async () => {
    vi.resetModules()
    const fromSources = await import('./shimDir')
    expect(fromSources.pythonResources()).toBe(resolve(__dirname, '../../../../resources/python'))

    const resources = mkdtempSync(join(tmpdir(), 'poolscope-resources-'))
    try {
      mkdirSync(join(resources, 'python'))
      writeFileSync(join(resources, 'python', 'sitecustomize.py'), '')
      proc.resourcesPath = resources
      vi.resetModules()
      const packaged = await import('./shimDir')
      expect(packaged.pythonResources()).toBe(join(resources, 'python'))
    } finally {
      rmSync(resources, { recursive: true, force: true })
    }
  })
})
