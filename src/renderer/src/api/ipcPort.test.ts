// The Electron face's client: createApi over the preload's bridge (faked here).
import { describe, expect, it } from 'vitest'
import type { ChannelRequest, ChannelResponse } from '../../../shared/api'
import { createApi } from '../../../shared/channel/createApi'
import { ipcPort } from './ipcPort'

describe('the IPC client', () => {
  it('is connected from the start, resumes from nothing, and keeps error codes', async () => {
    const sent: ChannelRequest[] = []
    let deliver: (msg: ChannelResponse) => void = () => {}
    const api = createApi(ipcPort({ send: (m) => sent.push(m), onMessage: (l) => (deliver = l) }))
    expect(api.connection.get()).toBe('connected')
    api.subscribe(() => {})
    // a reloaded window asks for everything the host recorded: its runs come back
    expect(sent).toEqual([{ kind: 'subscribe', since: {} }])
    const start = api.startRun({ scenario: 'nope' })
    expect(sent.at(-1)).toEqual({
      kind: 'call',
      id: 1,
      method: 'startRun',
      input: { scenario: 'nope' }
    })
    deliver({
      kind: 'error',
      id: 1,
      error: { code: 'bad-input', message: "unknown scenario 'nope'" }
    })
    await expect(start).rejects.toMatchObject({
      code: 'bad-input',
      message: "unknown scenario 'nope'"
    })
  })
})
