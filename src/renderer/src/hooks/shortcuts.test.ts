import { describe, expect, it } from 'vitest'
import { shortcutFor } from './shortcuts'

const key = (init: KeyboardEventInit, target: HTMLElement = document.body): KeyboardEvent => {
  const e = new KeyboardEvent('keydown', init)
  Object.defineProperty(e, 'target', { value: target })
  return e
}

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(key({ key: 'Enter', ctrlKey: true }))).toBe('run')
    expect(shortcutFor(key({ key: 'Enter', metaKey: true }))).toBe('run')
    expect(shortcutFor(key({ key: '.', ctrlKey: true }))).toBe('stop')
    expect(shortcutFor(key({ key: 'Escape' }))).toBe('stop')
    expect(shortcutFor(key({ key: 'f', ctrlKey: true }))).toBe('find')
    expect(shortcutFor(key({ key: 'o', metaKey: true }))).toBe('open')
    expect(shortcutFor(key({ key: '3', code: 'Digit3', altKey: true }))).toBe('view3')
    expect(shortcutFor(key({ key: '?' }))).toBe('help')
    expect(shortcutFor(key({ key: ' ' }))).toBe('play')
    expect(shortcutFor(key({ key: 'x' }))).toBeNull()
  })

  it('leaves plain keys to text fields (typing, Escape in a field)', () => {
    const input = document.createElement('input')
    expect(shortcutFor(key({ key: 'Escape' }, input))).toBeNull()
    expect(shortcutFor(key({ key: ' ' }, input))).toBeNull()
    expect(shortcutFor(key({ key: 'Enter', ctrlKey: true }, input))).toBe('run')
  })
})
