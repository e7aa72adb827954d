import { describe, expect, it } from 'vitest'
import { parseLines } from './parseLines'

const asLines = (values: unknown[]): string => values.map((v) => JSON.stringify(v) + '\n').join('')

describe('parseLines', () => {
  it('parses every line of a read in one go, counting UTF-8 bytes with the newlines', () => {
    const values = ['a\nb', { s: 'x\r\n\ty', n: [1, 2] }, 'é€😀', 3.5, null, '\\n', '"\n"']
    const text = asLines(values)
    const r = parseLines(text)
    expect(r).toEqual({ values, bytes: Buffer.byteLength(text), bad: [] })
    expect(r.bytes).toBeGreaterThan(text.length) // é, € and 😀 take more bytes than characters
  })

  it('one line, and no line', () => {
    expect(parseLines('"only"\n')).toEqual({ values: ['only'], bytes: 7, bad: [] })
    expect(parseLines('')).toEqual({ values: [], bytes: 0, bad: [] })
  })

  it('a line that is not one JSON value is set aside; the others still arrive, in order', () => {
    for (const bad of ['not json', '', '1,2', '[1', '{"a":1']) {
      const text = `"before"\n${bad}\n"after"\n`
      expect(parseLines(text)).toEqual({
        values: ['before', 'after'],
        bytes: Buffer.byteLength('"before"\n"after"\n'),
        bad: [bad]
      })
    }
    // Two halves of one value on two lines are two bad lines, not one value.
    expect(parseLines('[1\n2]\n')).toMatchObject({ values: [], bad: ['[1', '2]'] })
  })
})
