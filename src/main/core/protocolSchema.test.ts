import { describe, expect, it } from 'vitest'
import { parseChildMessage } from './protocolSchema'

describe('parseChildMessage', () => {
  it('accepts valid messages, including the hand-checked hot ones', () => {
    for (const m of [
      { type: 'result', id: 3, value: [1, 2] },
      { type: 'result', id: 3, value: 'AQAAAA==', packed: 'i32' },
      { type: 'results', ids: [4, 5], values: [16, { a: 1 }] },
      { type: 'q.put', req: 0, queue: 'queue-1', item: 'x' },
      { type: 'q.put', req: 4, queue: 'queue-1', item: 'x', timeoutMs: 10 },
      { type: 'pipe.send', pipe: 'pipe-1-0', bytes: 30, msg: 5, count: 5 }
    ]) {
      expect(parseChildMessage(JSON.stringify(m))).toEqual({ ok: true, msg: m })
    }
  })

  it('takes packed numbers that follow the JSON after a tab as the result value', () => {
    expect(parseChildMessage('{"type":"result","id":3,"packed":"f64"}\tAAAAAAAA8D8=')).toEqual({
      ok: true,
      msg: { type: 'result', id: 3, packed: 'f64', value: 'AAAAAAAA8D8=' }
    })
    for (const line of [
      '{"type":"result","id":3,"value":1,"packed":"f64"}\tAAAAAAAA8D8=',
      '[1]\tAAAA',
      '7\tAAAA',
      '{"type":"out","text":"a"}\tAAAA'
    ]) {
      expect(parseChildMessage(line)).toEqual({
        ok: false,
        why: 'packed data after a message that cannot take it'
      })
    }
  })

  it('refuses malformed ones with the field named', () => {
    expect(parseChildMessage('{')).toEqual({ ok: false, why: 'not JSON' })
    expect(parseChildMessage('{"type":"result","id":-1}')).toMatchObject({
      ok: false,
      why: expect.stringMatching(/^message\.id: /)
    })
    expect(parseChildMessage('{"type":"q.put","req":"0","queue":"q"}')).toMatchObject({
      ok: false,
      why: expect.stringMatching(/^message\.req: /)
    })
    expect(parseChildMessage('{"type":"results","ids":[1,2],"values":[1]}')).toMatchObject({
      ok: false,
      why: 'message.values: ids and values differ in length'
    })
    expect(parseChildMessage('{"type":"results","ids":[1.5],"values":[1]}')).toMatchObject({
      ok: false,
      why: expect.stringMatching(/^message\.ids\.0: /)
    })
    expect(parseChildMessage('{"type":"result","id":1,"value":[1],"packed":"f64"}')).toEqual({
      ok: false,
      why: 'message.value: packed numbers must be a base64 string'
    })
    expect(parseChildMessage('{"type":"result","id":1,"value":"","packed":"u8"}')).toMatchObject({
      ok: false,
      why: expect.stringMatching(/^message\.packed: /)
    })
    expect(parseChildMessage('{"type":"launch"}')).toMatchObject({ ok: false })
    expect(parseChildMessage('null')).toMatchObject({ ok: false })
  })
})
