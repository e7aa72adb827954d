import { describe, expect, it } from 'vitest'
import { sanitizeText } from './sanitizeText'

describe('sanitizeText', () => {
  it.each([
    ['plain', 'plain'],
    ['one line\n', 'one line'],
    ['one line \r\n', 'one line'],
    ['two\nlines\n', 'two lines'],
    ['\u001b[1;31mred\u001b[0m', 'red'],
    ['\u001b]0;window title\u0007after', 'after'],
    ['bell\u0007 nul\u0000 del\u007f c1\u009b', 'bell nul del c1'],
    ['tab\there', 'tab here'],
    [
      'lone \ud800 high, lone \udc00 low, pair \ud83d\ude00',
      'lone \ufffd high, lone \ufffd low, pair \ud83d\ude00'
    ],
    ['한국어 그대로\n', '한국어 그대로']
  ])('%j → %j', (input, output) => {
    expect(sanitizeText(input)).toBe(output)
  })
})
