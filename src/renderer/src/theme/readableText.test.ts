import { describe, expect, it } from 'vitest'
import { HOST_COLOR, procColor, RUN_TOTAL_COLOR } from './colorMap'
import { contrast, readableText } from './readableText'

const BACKGROUNDS = {
  light: ['#ffffff', '#f5f7fa', '#eef1f5'],
  dark: ['#0f1419', '#161b22', '#1c232c']
} as const

describe('readableText', () => {
  const colors = [
    HOST_COLOR,
    RUN_TOTAL_COLOR,
    ...Array.from({ length: 12 }, (_, i) => procColor(i))
  ]
  for (const scheme of ['light', 'dark'] as const)
    it(`every palette colour reads at 4.5:1 on every ${scheme} background`, () => {
      for (const c of colors)
        for (const bg of BACKGROUNDS[scheme])
          expect(contrast(readableText(c, scheme), bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(4.5)
    })

  it('keeps a colour that already reads, and moves one that does not', () => {
    expect(readableText('#b91c1c', 'light')).toBe('#b91c1c')
    expect(readableText('#edc948', 'light')).not.toBe('#edc948')
    // the yellow keeps its hue: red and green still above blue
    const [r, g, b] = [1, 3, 5].map((i) =>
      parseInt(readableText('#edc948', 'light').slice(i, i + 2), 16)
    )
    expect(r! > b! && g! > b!).toBe(true)
  })

  it('names a colour it cannot read', () => {
    expect(() => readableText('red', 'light')).toThrow(/'red' is not a #rrggbb colour/)
  })
})
