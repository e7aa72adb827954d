import { describe, expect, it } from 'vitest'
import { initialLang } from './i18n'
import { strings } from './strings'

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]
  )

describe('UI text', () => {
  it('has every English key in Korean too, none empty', () => {
    expect(keys(strings.ko).sort()).toEqual(keys(strings.en).sort())
    for (const lang of [strings.en, strings.ko])
      for (const k of keys(lang)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], lang)
        expect(v, k).not.toBe('')
      }
  })

  it('picks the language from the OS locale', () => {
    expect(initialLang(['ko-KR', 'en-US'])).toBe('ko')
    expect(initialLang(['en-US', 'ko-KR'])).toBe('en')
    expect(initialLang(['de-DE'])).toBe('en')
  })
})
