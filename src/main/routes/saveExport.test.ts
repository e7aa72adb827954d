// Electron's export without Electron: the download URL the page clicks becomes a file written
// by the CLI's atomic writer at the path the save dialog gave.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { nativeTraceText } from '../core/trace/nativeTrace'
import { syntheticTrace } from '../../../test/core/trace/syntheticTrace'
import { APP_ORIGIN } from './appProtocol'
import { isExportUrl, saveExport } from './saveExport'

let dir: string
let service: PoolScopeService
let runId: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'poolscope-save-'))
  service = new PoolScopeService()
  const text = [...nativeTraceText(syntheticTrace(1_000))].join('')
  runId = (await service.call('openTrace', { fileName: 'x.json', content: text })).id
})

afterAll(async () => {
  await service.shutdown()
  rmSync(dir, { recursive: true, force: true })
})

const url = (format: string, run = runId): string =>
  `${APP_ORIGIN}/api/export?run=${run}&format=${format}`

describe('saveExport', () => {
  it('writes the export to the chosen path, the same bytes as the API, nothing left beside it', async () => {
    const suggested: string[] = []
    const path = join(dir, 'mine.trace.json')
    const saved = await saveExport(service, url('chrome'), (name) => {
      suggested.push(name)
      return Promise.resolve(path)
    })
    expect(saved).toBe(path)
    expect(suggested).toEqual([expect.stringMatching(/\.trace\.json$/)])
    const api = await service.call('exportRun', { runId, format: 'chrome' })
    expect(readFileSync(path, 'utf8')).toBe(api.content)
    expect(readdirSync(dir)).toEqual(['mine.trace.json']) // no temporary file left
  })

  it('gzips a native trace saved as .gz; a cancelled dialog writes nothing', async () => {
    const gz = join(dir, 'mine.poolscope.json.gz')
    await saveExport(service, url('native'), () => Promise.resolve(gz))
    const api = await service.call('exportRun', { runId, format: 'native' })
    expect(gunzipSync(readFileSync(gz)).toString('utf8')).toBe(api.content)
    const none = join(dir, 'cancelled.json')
    expect(await saveExport(service, url('csv'), () => Promise.resolve(undefined))).toBeNull()
    expect(existsSync(none)).toBe(false)
  })

  it('says what is wrong before asking where to save, and when the folder is missing', async () => {
    let asked = false
    const ask = (): Promise<string> => ((asked = true), Promise.resolve(join(dir, 'x.json')))
    await expect(saveExport(service, url('native', 'run-404'), ask)).rejects.toThrow(
      "no run with id 'run-404'"
    )
    await expect(saveExport(service, url('pdf'), ask)).rejects.toThrow(/format/)
    expect(asked).toBe(false)
    await expect(
      saveExport(service, url('native'), () => Promise.resolve(join(dir, 'no', 'x.json')))
    ).rejects.toThrow(/cannot write .*: the directory does not exist/)
  })

  it('takes over only our own export downloads', () => {
    expect(isExportUrl(url('native'))).toBe(true)
    expect(isExportUrl(`${APP_ORIGIN}/assets/app.js`)).toBe(false)
    expect(isExportUrl('https://example.com/api/export?run=1')).toBe(false)
  })
})
