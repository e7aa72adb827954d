import { describe, expect, it } from 'vitest'
import { exportUrl, openUrl, pageToken } from './hostUrls'

describe('hostUrls', () => {
  it('relative to the page, with the token of its address when it has one', () => {
    expect(pageToken({ search: '?token=abc-1' })).toBe('abc-1')
    expect(pageToken({ search: '' })).toBeNull()
    expect(exportUrl('run-a-1', 'chrome', 'abc')).toBe(
      '/api/export?run=run-a-1&format=chrome&token=abc'
    )
    expect(exportUrl('run-a-1', 'native', null)).toBe('/api/export?run=run-a-1&format=native')
    expect(openUrl('a&b.json', null)).toBe('/api/open?name=a%26b.json')
    expect(openUrl('t.json', 'x y')).toBe('/api/open?name=t.json&token=x+y')
  })
})
