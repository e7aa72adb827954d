import { describe, expect, it } from 'vitest'
import { parseParam, parseParams } from './params'
import type { ScenarioSpec } from './scenarios'

const spec: ScenarioSpec = {
  id: 'demo',
  title: { ko: '', en: '' },
  summary: { ko: '', en: '' },
  watch: { ko: '', en: '' },
  params: [
    { name: 'n', type: 'int', default: 3, min: 1, max: 10, description: { ko: '', en: '' } },
    {
      name: 'join',
      type: 'enum',
      default: 'last',
      options: ['last', 'all'],
      description: { ko: '', en: '' }
    },
    { name: 'msg', type: 'string', default: 'hi', min: 1, max: 5, description: { ko: '', en: '' } }
  ]
}

describe('parseParams', () => {
  it('fills defaults and converts CLI strings', () => {
    expect(parseParams(spec, {})).toEqual({ n: 3, join: 'last', msg: 'hi' })
    expect(parseParams(spec, { n: '7', join: 'all' })).toEqual({ n: 7, join: 'all', msg: 'hi' })
  })
  it('names the unknown parameter', () => {
    expect(() => parseParams(spec, { nope: 1 })).toThrow(
      "unknown parameter 'nope' for scenario 'demo' (known: n, join, msg)"
    )
  })
  it('names the parameter and the rule it breaks', () => {
    expect(() => parseParam(spec.params[0]!, '0')).toThrow(
      "parameter 'n' must be between 1 and 10, got 0"
    )
    expect(() => parseParam(spec.params[0]!, '2.5')).toThrow("parameter 'n' must be a whole number")
    expect(() => parseParam(spec.params[0]!, 'abc')).toThrow("parameter 'n' must be a number")
    expect(() => parseParam(spec.params[0]!, '')).toThrow("parameter 'n' must be a number")
    expect(() => parseParam(spec.params[1]!, 'first')).toThrow(
      "parameter 'join' must be one of last, all"
    )
    expect(() => parseParam(spec.params[2]!, 'toolong')).toThrow(
      "parameter 'msg' must be 1–5 characters long, got 7"
    )
  })
})
