// Which files an export writes, and their text: shared by the CLI (files on disk) and the API
// (one text download), so both faces produce the same bytes.
import type { TraceFormat } from '../../../shared/api'
import { TRACE_SUFFIX } from '../../../shared/trace'
import type { TraceDoc } from './TraceDoc'
import { chromeTraceText } from './chromeTraceText'
import { CSV_TABLES, csvCombinedText, csvTablePaths, csvTableText } from './csvTrace'
import { nativeTraceText } from './nativeTrace'
import type { FileToWrite } from './writeAtomic'

/** The files `--trace path` writes: one, or one per CSV table. `.gz` gzips the native format. */
export function traceFiles(trace: TraceDoc, format: TraceFormat, path: string): FileToWrite[] {
  switch (format) {
    case 'native':
      return [{ path, text: nativeTraceText(trace), gzip: path.toLowerCase().endsWith('.gz') }]
    case 'chrome':
      return [{ path, text: chromeTraceText(trace) }]
    case 'csv': {
      const paths = csvTablePaths(path)
      return CSV_TABLES.map((table) => ({ path: paths[table], text: csvTableText(trace, table) }))
    }
  }
}

/** One text document per format, for the API's download path. */
export function traceText(trace: TraceDoc, format: TraceFormat): Iterable<string> {
  if (format === 'native') return nativeTraceText(trace)
  if (format === 'chrome') return chromeTraceText(trace)
  return csvCombinedText(trace)
}

export const TRACE_MIME: Record<TraceFormat, string> = {
  native: 'application/json',
  chrome: 'application/json',
  csv: 'text/csv'
}

export const TRACE_EXTENSION: Record<TraceFormat, string> = {
  native: TRACE_SUFFIX.native,
  chrome: TRACE_SUFFIX.chrome,
  csv: TRACE_SUFFIX.csv
}

/** The format a file name implies (`--format` overrides it). */
export function formatOfPath(path: string): TraceFormat | undefined {
  const p = path.toLowerCase()
  if (p.endsWith(TRACE_SUFFIX.chrome)) return 'chrome'
  if (p.endsWith(TRACE_SUFFIX.csv)) return 'csv'
  if (p.endsWith(TRACE_SUFFIX.native) || p.endsWith(TRACE_SUFFIX.nativeGz)) return 'native'
  return undefined
}
