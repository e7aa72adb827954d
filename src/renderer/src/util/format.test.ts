import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { initI18n } from '../i18n/i18n'
import { formatBytes, formatMs, formatPercent } from './format'

initI18n('en')
afterEach(async () => {
  await i18next.changeLanguage('en')
})

describe('format', () => {
  it('writes times, bytes and percentages with English units', () => {
    expect(formatMs(340.12)).toBe('340.1 ms')
    expect(formatMs(1250)).toBe('1.25 s')
    expect(formatMs(null)).toBe('')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB')
    expect(formatPercent(4.25)).toBe('4.3 %')
    expect(formatPercent(null)).toBe('–')
  })

  it('writes Korean units when the UI is in Korean', async () => {
    await i18next.changeLanguage('ko')
    expect(formatMs(340.12)).toBe('340.1밀리초')
    expect(formatMs(1250)).toBe('1.25초')
    expect(formatBytes(512)).toBe('512바이트')
  })
})
