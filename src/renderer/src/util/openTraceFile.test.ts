import { afterEach, describe, expect, it, vi } from 'vitest'
import { runInfo } from '../test/fakeApi'
import { openTraceFile } from './openTraceFile'

afterEach(() => vi.unstubAllGlobals())

describe('openTraceFile', () => {
  it('posts the file itself to the host and answers its run (every face)', async () => {
    const info = runInfo('run-7', { replay: true })
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(info), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    const file = new File(['{"a":1}'], 't 1.json')
    expect(await openTraceFile(file)).toEqual(info)
    expect(fetchMock).toHaveBeenCalledWith('/api/open?name=t+1.json', {
      method: 'POST',
      body: file
    })
  })

  it("the host's refusal is the error, as the host said it", async () => {
    const said = 'broken.json: not valid JSON at line 1\n'
    vi.stubGlobal('fetch', async () => new Response(said, { status: 400 }))
    await expect(openTraceFile(new File(['{'], 'broken.json'))).rejects.toThrow(
      /^broken\.json: not valid JSON at line 1$/
    )
  })
})
