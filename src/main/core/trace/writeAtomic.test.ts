import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinIntoChunks, writeFilesAtomic } from './writeAtomic'
import { syntheticTrace } from '../../../../test/core/trace/syntheticTrace'
import { writeTrace } from './writeTrace'

describe('atomic trace writes', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poolscope-atomic-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('joins small pieces into large chunks without losing any', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`)
    const chunks = [...joinIntoChunks(pieces, 100)]
    expect(chunks.join('')).toBe(pieces.join(''))
    expect(chunks.length).toBeLessThan(60)
  })

  it.skipIf(process.platform !== 'linux')(
    'an unwritable directory: says why, leaves nothing',
    async () => {
      // /sys refuses new files even to root (chmod would not stop root).
      const target = '/sys/poolscope-test.trace.json'
      await expect(writeTrace(syntheticTrace(100), 'chrome', target)).rejects.toThrow(
        `cannot write ${target}: permission denied (EACCES)`
      )
      expect(existsSync(target)).toBe(false)
    }
  )

  it('a missing directory, and a directory that is a file', async () => {
    await expect(
      writeTrace(syntheticTrace(100), 'native', join(dir, 'nope', 'x.json'))
    ).rejects.toThrow(/the directory does not exist \(ENOENT\)/)
    writeFileSync(join(dir, 'file'), '')
    await expect(
      writeTrace(syntheticTrace(100), 'native', join(dir, 'file', 'x.json'))
    ).rejects.toThrow(/ENOTDIR/)
  })

  it('a failure half-way leaves neither a partial file nor a temporary, and keeps the old file', async () => {
    const target = join(dir, 'half.trace.json')
    writeFileSync(target, 'previous')
    function* failing(): Generator<string> {
      for (let i = 0; i < 64; i++) yield 'x'.repeat(64 * 1024)
      throw new Error('exporter broke')
    }
    await expect(
      writeFilesAtomic([
        { path: join(dir, 'first.csv'), text: ['ok'] },
        { path: target, text: failing() }
      ])
    ).rejects.toThrow(`cannot write ${join(dir, 'first.csv')}, ${target}: exporter broke`)
    expect(readFileSync(target, 'utf8')).toBe('previous')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f === 'first.csv')).toEqual([])
  })

  it('replaces an existing file in one step', async () => {
    const target = join(dir, 'again.trace.json')
    writeFileSync(target, 'old')
    await writeTrace(syntheticTrace(100), 'chrome', target)
    expect(readFileSync(target, 'utf8').startsWith('{"displayTimeUnit":"ms"')).toBe(true)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
