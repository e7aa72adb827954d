import { describe, expect, it, vi } from 'vitest'
import { captionText, imageBlob, imageFileName } from './saveImage'

const seen: string[] = []
vi.mock('html-to-image', () => ({
  toBlob: async (el: HTMLElement) => {
    seen.push(el.textContent ?? '')
    return new Blob(['png'], { type: 'image/png' })
  },
  toSvg: async (el: HTMLElement) => {
    seen.push(el.textContent ?? '')
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg/>')}`
  }
}))

const caption = {
  run: 'run-ab12cd-3',
  scenario: 'queue',
  at: new Date(Date.UTC(2026, 11, 4, 5, 6, 7))
}

describe('saveImage', () => {
  it('puts the run, scenario and time on the picture while it is taken, then removes them', async () => {
    const el = document.createElement('div')
    el.textContent = 'the view'
    const png = await imageBlob(el, 'png', caption)
    expect(png.type).toBe('image/png')
    const svg = await imageBlob(el, 'svg', caption)
    expect(await svg.text()).toBe('<svg/>')
    expect(seen).toEqual([
      'PoolScope · run-ab12cd-3 · queue · 2026-12-04 05:06:07 UTCthe view',
      'PoolScope · run-ab12cd-3 · queue · 2026-12-04 05:06:07 UTCthe view'
    ])
    expect(el.textContent).toBe('the view')
    expect(captionText(caption)).toContain('queue')
    expect(imageFileName(caption, 'diagram', 'png')).toBe('queue-run-ab12cd-3-diagram.png')
  })
})
