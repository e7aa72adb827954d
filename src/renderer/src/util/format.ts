// Number formats shared by the views. Units follow the UI's language (i18next's current one):
// Korean writes seconds as 초 and milliseconds as 밀리초, bytes as 바이트.
import i18next from 'i18next'

const UNITS = {
  en: { s: ' s', ms: ' ms', b: ' B' },
  ko: { s: '초', ms: '밀리초', b: '바이트' }
} as const

const units = (): (typeof UNITS)['en' | 'ko'] => UNITS[i18next.language === 'ko' ? 'ko' : 'en']

/** ms since the run started, e.g. "1.25 s" or "340.1 ms" ("1.25초", "340.1밀리초"). */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return ''
  const u = units()
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}${u.s}` : `${ms.toFixed(1)}${u.ms}`
}

/** Seconds on a chart's time axis, e.g. "2.5 s" ("2.5초"). */
export function formatSeconds(s: number, digits: number): string {
  return `${s.toFixed(digits)}${units().s}`
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return ''
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`
  return `${bytes}${units().b}`
}

export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–'
  return `${v.toFixed(v < 10 ? 1 : 0)} %`
}
