// Parses the JSON lines a pipe end received in one read with one JSON.parse: a raw newline only
// ever ends a line (JSON.stringify escapes the ones inside strings), so the lines joined by
// commas inside brackets are one JSON array of the messages. Node builtins only: children load
// this.

export interface ParsedLines {
  values: unknown[]
  /** UTF-8 bytes of the good lines, each with its newline (what the pipe events count). */
  bytes: number
  /** Lines that are not one JSON value each (a peer that did not write JSON lines). */
  bad: string[]
}

/** `text`: whole lines, each ending in a newline (LineChannel's `lines` reader). */
export function parseLines(text: string): ParsedLines {
  const lines = text.split('\n')
  lines.pop() // after the last newline: nothing
  try {
    const values = JSON.parse('[' + lines.join(',') + ']') as unknown[]
    // As many values as lines, or some line was not a single value: then line by line.
    if (values.length === lines.length) return { values, bytes: Buffer.byteLength(text), bad: [] }
  } catch {
    // some line is not JSON: find it below
  }
  const out: ParsedLines = { values: [], bytes: 0, bad: [] }
  for (const line of lines) {
    try {
      out.values.push(JSON.parse(line))
      out.bytes += Buffer.byteLength(line) + 1
    } catch {
      out.bad.push(line)
    }
  }
  return out
}
