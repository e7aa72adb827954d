// A linear pass over JSON text before JSON.parse: refuses nesting, strings, numbers and a count
// of values beyond TRACE_LIMITS, so that a hostile file cannot make the parser, the schema or
// later recursive code (JSON.stringify, structured clone) exhaust the stack or the heap (a
// file of 256 MiB of `{},` would otherwise become ~85 million objects before any check).
import { TRACE_LIMITS } from '../../../shared/trace'

const QUOTE = 0x22
const BACKSLASH = 0x5c

function isNumberChar(c: number): boolean {
  // digits, '-', '+', '.', 'e', 'E'
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || (c | 0x20) === 0x65
}

/** Throws an Error naming the first limit the text exceeds (with its offset); syntax is left to JSON.parse. */
export function checkJsonLimits(text: string, limits = TRACE_LIMITS): void {
  if (text.length > limits.textChars) {
    throw new Error(
      `trace is ${mib(text.length)} of text, over the limit of ${mib(limits.textChars)}`
    )
  }
  let depth = 0
  let values = 0
  const n = text.length
  const tooMany = (at: number): Error =>
    new Error(`more than ${limits.values} JSON values (at offset ${at}), over the limit`)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const start = i
      i++
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === BACKSLASH) i += 2
        else if (d === QUOTE) break
        else i++
      }
      if (i - start - 1 > limits.stringChars) {
        throw new Error(
          `a string at offset ${start} is ${i - start - 1} characters long, over the limit of ${limits.stringChars}`
        )
      }
      // A key (followed by ':') is part of its object; any other string is a value.
      let j = i + 1
      while (j < n && text.charCodeAt(j) <= 0x20) j++
      if (text.charCodeAt(j) !== 0x3a && ++values > limits.values) throw tooMany(start)
    } else if (c === 0x7b || c === 0x5b) {
      if (++values > limits.values) throw tooMany(i)
      if (++depth > limits.depth) {
        throw new Error(`nesting deeper than ${limits.depth} levels at offset ${i}`)
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    } else if (c >= 0x61 && c <= 0x7a) {
      // true, false, null (JSON.parse judges the spelling)
      while (i + 1 < n && text.charCodeAt(i + 1) >= 0x61 && text.charCodeAt(i + 1) <= 0x7a) i++
      if (++values > limits.values) throw tooMany(i)
    } else if (isNumberChar(c)) {
      if (++values > limits.values) throw tooMany(i)
      const start = i
      while (i + 1 < n && isNumberChar(text.charCodeAt(i + 1))) i++
      if (i - start + 1 > limits.numberChars) {
        throw new Error(
          `a number at offset ${start} has ${i - start + 1} characters, over the limit of ${limits.numberChars}`
        )
      }
    }
  }
}

export function mib(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MiB`
}
