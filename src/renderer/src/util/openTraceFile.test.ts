import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PoolScopeApi, RunInfo } from '../../../shared/api'
import { runInfo } from '../test/fakeApi'
import { openTraceFile } from './openTraceFile'

afterEach(() => vi.unstubAllGlobals())

describe('openTraceFile', () => {
  it('serve mode: posts the file itself to the host and answers its run', async () => {
    const info = runInfo('run-7', { replay: true })
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(info), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    const api = { openUrl: (name: string) => `/api/open?name=${name}` } as unknown as PoolScopeApi
    const file = new File(['{"a":1}'], 't.json')
    expect(await openTraceFile(api, file)).toEqual(info)
    expect(fetchMock).toHaveBeenCalledWith('/api/open?name=t.json', { method: 'POST', body: file })
  })

  it("serve mode: the host's refusal is the error, as the host said it", async () => {
    const said = 'broken.json: not valid JSON at line 1\n'
    vi.stubGlobal('fetch', async () => new Response(said, { status: 400 }))
    const api = { openUrl: () => '/api/open' } as unknown as PoolScopeApi
    await expect(openTraceFile(api, new File(['{'], 'broken.json'))).rejects.toThrow(
      /^broken\.json: not valid JSON at line 1$/
    )
  })

  it('Electron: reads the file and passes its text to openTrace', async () => {
    const openTrace = vi.fn(async () => runInfo('run-1') as RunInfo)
    const api = { openTrace } as unknown as PoolScopeApi
    await openTraceFile(api, new File(['{"b":2}'], 'plain.json'))
    expect(openTrace).toHaveBeenLastCalledWith({ fileName: 'plain.json', content: '{"b":2}' })
  })
})
