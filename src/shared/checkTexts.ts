// The texts of verdict checks, in every UI language, kept apart from the trace: a check carries
// an id and figures (src/shared/events.ts), its texts are looked up here by id and filled in.
// Each scenario folder's texts.ts holds its own; the host merges them and serves them (the
// API's checkTexts), so the CLI (English) and the page (its language) say the same thing.
import type { Check, CheckValue, CheckValues, Seen } from './events'
import type { Lang, Text } from './scenarios'

/** Text id → its text in each UI language. Placeholders: `{name}`, or `{name:2}` for a number
 *  with 2 decimals, filled from the check's values. */
export type CheckTexts = Readonly<Record<string, Text>>

/** Keeps the ids of a texts module as a type, so a check naming an id it lacks fails to compile. */
export function defineCheckTexts<const T extends Record<string, Text>>(texts: T): T {
  return texts
}

/** Merges texts modules; an id defined twice throws (ids are global: prefix them). */
export function mergeCheckTexts(...parts: readonly CheckTexts[]): CheckTexts {
  const out: Record<string, Text> = {}
  for (const part of parts) {
    for (const [id, text] of Object.entries(part)) {
      if (id in out) throw new Error(`check text '${id}' is defined twice`)
      out[id] = text
    }
  }
  return out
}

const PLACEHOLDER = /\{(\w+)(?::(\d))?\}/g

/** The placeholder names of a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

function show(v: CheckValue | undefined, digits: string | undefined): string {
  if (v === undefined || v === null) return '?'
  if (Array.isArray(v)) return v.join(', ')
  if (typeof v === 'number' && digits !== undefined) return v.toFixed(Number(digits))
  return String(v)
}

export function fillText(text: string, values: CheckValues): string {
  return text.replace(PLACEHOLDER, (_, name: string, digits?: string) => show(values[name], digits))
}

/** A check's texts in `lang`: from the texts by id; else what an old trace's check carries. */
export interface CheckWords {
  name: string
  observed: string
  /** Why it is inconclusive, or ''. */
  reason: string
  /** The language the words are in (an old trace without labels has English only). */
  lang: Lang
}

export function checkWords(c: Check, texts: CheckTexts, lang: Lang): CheckWords {
  const named = texts[c.id]
  const seen = (s: Seen): string | undefined => {
    const text = texts[s.text]
    return text && fillText(text[lang], { ...c.values, ...s.values })
  }
  const parts = c.seen.map(seen)
  const observed = parts.every((p) => p !== undefined) && parts.length > 0 ? parts.join('; ') : ''
  if (named) {
    return {
      name: fillText(named[lang], c.values),
      observed: observed || (c.observed ?? ''),
      reason: (c.reason && seen(c.reason)) ?? '',
      lang
    }
  }
  return {
    name: c.label?.[lang] ?? c.name ?? c.id,
    observed: observed || (c.observed ?? ''),
    reason: (c.reason && seen(c.reason)) ?? '',
    lang: c.label ? lang : 'en'
  }
}
