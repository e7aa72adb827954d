// Used by the tests to read exported CSV back, independently of the writer.

/** An independent RFC 4180 reader (quoted fields, doubled quotes, CRLF, line breaks in fields). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = (): void => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') endField()
    else if (c === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bad CSV at ${i}`)
    else field += c
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF')
  return rows
}
