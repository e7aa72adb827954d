// Every check text, statically: both UI languages, the same placeholders in each, and Korean
// that is Korean (issue 16: the observed texts were English in Korean) — identifiers a
// learner types or reads in code (PID, put, join=all, maxsize, …) and units aside.
import { describe, expect, it } from 'vitest'
import { mergeCheckTexts, placeholders } from '../../../shared/checkTexts'
import { CHECK_TEXTS } from './checkTexts'

/** Words Korean texts keep as they are: identifiers from the lesson's code, and units. */
const KEPT = [
  'PPID',
  'PID',
  'GIL',
  'EOF',
  'Pipe',
  'Queue',
  'lock',
  'put',
  'get',
  'join',
  'is_alive',
  'False',
  'maxsize',
  'worker_threads',
  'workers',
  'items',
  'jitterMs',
  'all',
  'last',
  'ms',
  'µs'
]

describe('check texts', () => {
  const entries = Object.entries(CHECK_TEXTS)

  it('are many, one id each, prefixed by their module', () => {
    expect(entries.length).toBeGreaterThan(100)
    for (const [id] of entries) expect(id).toMatch(/^(kit|program|[a-zA-Z]+)\.[\w.]+$/)
    expect(() => mergeCheckTexts(CHECK_TEXTS, { 'kit.exited.seen': { en: 'x', ko: 'x' } })).toThrow(
      "check text 'kit.exited.seen' is defined twice"
    )
  })

  it.each(entries)('%s: en and ko, with the same placeholders', (_id, text) => {
    expect(text.en.trim()).not.toBe('')
    expect(text.ko.trim()).not.toBe('')
    expect(placeholders(text.ko).sort()).toEqual(placeholders(text.en).sort())
  })

  it.each(entries)('%s: the Korean is Korean', (_id, { ko }) => {
    const bare = ko.replace(/\{\w+(:\d)?\}/g, '')
    const rest = KEPT.reduce((s, w) => s.replaceAll(w, ''), bare)
    expect(rest, ko).not.toMatch(/[A-Za-z]{2,}/)
  })
})
