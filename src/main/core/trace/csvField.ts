// RFC 4180 fields and records: quoted only when needed, quotes doubled, CRLF line ends.
const NEEDS_QUOTES = /[",\r\n]/

export type CsvValue = string | number | boolean | null | undefined

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v !== 'string') return String(v) // numbers and booleans never need quotes
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function csvRecord(values: readonly CsvValue[]): string {
  let line = ''
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + csvField(values[i])
  return line + '\r\n'
}
