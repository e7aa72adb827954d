// Text in a process's, core's or series' colour must still read (WCAG AA, 4.5:1) on every
// background of the theme: the palette's mid-lightness hues are moved toward the theme's text
// colour only as far as needed, so they keep as much of their hue as the contrast allows.
import type { ColorScheme } from './useColorScheme'

/** The theme's text colour and its lightest (light theme) / darkest (dark) backgrounds. */
const THEME = {
  light: { fg: '#1b1f24', backgrounds: ['#ffffff', '#f5f7fa', '#eef1f5'] },
  dark: { fg: '#e6edf3', backgrounds: ['#0f1419', '#161b22', '#1c232c'] }
} as const

/** Above AA's 4.5 so that a row's highlight or a rounding in the browser does not tip it. */
const TARGET = 4.8

type Rgb = [number, number, number]

function rgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!m) throw new Error(`readableText: '${hex}' is not a #rrggbb colour`)
  const n = parseInt(m[1]!, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number): number => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

const hex = (c: Rgb): string =>
  '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')

const cache = new Map<string, string>()

/** `color` itself if it reads on every background of `scheme`, else the least mix of it with
 *  the theme's text colour that does. */
export function readableText(color: string, scheme: ColorScheme): string {
  const key = `${scheme}${color}`
  const hit = cache.get(key)
  if (hit) return hit
  const { fg, backgrounds } = THEME[scheme]
  const [c, f] = [rgb(color), rgb(fg)]
  let out = color
  for (let w = 0; w <= 1.0001; w += 0.05) {
    out = hex([0, 1, 2].map((i) => c[i]! * (1 - w) + f[i]! * w) as Rgb)
    if (backgrounds.every((bg) => contrast(out, bg) >= TARGET)) break
  }
  cache.set(key, out)
  return out
}
