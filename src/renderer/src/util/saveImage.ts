// A view as a picture: PNG or SVG of a DOM element (html-to-image inlines the computed styles,
// so the theme's colours survive outside the page), with a caption line naming the run, its
// scenario and the time, drawn inside the element while it is captured.
import { toBlob, toSvg } from 'html-to-image'

export type ImageFormat = 'png' | 'svg'

export interface Caption {
  run: string
  scenario: string
  /** When the picture was taken. */
  at: Date
}

export function captionText(c: Caption): string {
  return `PoolScope · ${c.run} · ${c.scenario} · ${c.at.toISOString().replace('T', ' ').slice(0, 19)} UTC`
}

/** Runs `capture` with a caption line on top of `el`, removed again afterwards. */
async function withCaption<T>(el: HTMLElement, c: Caption, capture: () => Promise<T>): Promise<T> {
  const line = document.createElement('div')
  line.className = 'image-caption'
  line.textContent = captionText(c)
  el.prepend(line)
  try {
    return await capture()
  } finally {
    line.remove()
  }
}

const background = (el: HTMLElement): string =>
  getComputedStyle(document.body).backgroundColor || getComputedStyle(el).backgroundColor

export async function imageBlob(el: HTMLElement, format: ImageFormat, c: Caption): Promise<Blob> {
  return withCaption(el, c, async () => {
    const opts = { backgroundColor: background(el), pixelRatio: 1 }
    if (format === 'png') {
      const blob = await toBlob(el, opts)
      if (!blob) throw new Error('the browser made no PNG of this view')
      return blob
    }
    const url = await toSvg(el, opts)
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1))
    return new Blob([svg], { type: 'image/svg+xml' })
  })
}

export function imageFileName(c: Caption, view: string, format: ImageFormat): string {
  return `${c.scenario}-${c.run}-${view}.${format}`.replace(/[^\w.-]+/g, '_')
}

/** Saves the picture as a download (a save dialog in Electron). */
export async function saveImage(
  el: HTMLElement,
  format: ImageFormat,
  c: Caption,
  view: string
): Promise<string> {
  const blob = await imageBlob(el, format, c)
  const name = imageFileName(c, view, format)
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  return name
}

/** Copies the PNG to the clipboard where the face allows it (false where it does not). */
export async function copyImage(el: HTMLElement, c: Caption): Promise<boolean> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false
  const blob = await imageBlob(el, 'png', c)
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
  return true
}
