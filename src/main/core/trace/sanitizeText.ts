// Text from processes (stdout, names) made safe for trace viewers: ANSI escape sequences and
// control characters removed, lone UTF-16 surrogates replaced so the output is valid UTF-8.

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and any other two-character ESC sequence.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g

const WHITESPACE_CONTROLS = /[\t\n\r\v\f]+/g
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\x00-\x1f\x7f-\x9f\uD800-\uDFFF]/

/** One-line, printable, well-formed text (line breaks and tabs become spaces). */
export function sanitizeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s
  // The common case, one clean line of output with its line break: no regex replacing.
  const line = s.endsWith('\r\n') ? s.slice(0, -2) : s.endsWith('\n') ? s.slice(0, -1) : undefined
  if (line !== undefined && !NEEDS_WORK.test(line)) return line.trimEnd()
  return s
    .replace(ANSI, '')
    .replace(WHITESPACE_CONTROLS, ' ')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .trimEnd()
}
