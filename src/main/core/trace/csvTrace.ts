// CSV export. A spreadsheet wants one table per sheet, so the CLI writes one file per table:
//   FILE.samples-cores.csv  time_ms, core, cpu_percent           (one row per core per sample)
//   FILE.samples-procs.csv  time_ms, pid, cpu_percent, rss_bytes, ppid  (a row per process
//                           per sample)
//   FILE.events.csv         time_ms, type, pid, … (EVENT_COLUMNS; samples are in the two above)
// The API (browser download) carries one file: the three tables stacked under the union of their
// columns, with a first column `table` (samples-cores | samples-procs | events).
// Empty cell = no value (e.g. cpu_percent on a process's first tick: "no data yet").
// No field is dropped: what has no column of its own goes into `data` as JSON (csvFields.test.ts
// checks every field of every event type, from the schema). New columns go last, so that readers
// by position keep working.
import type { RunEvent } from '../../../shared/events'
import type { TraceDoc } from './TraceDoc'
import type { CsvValue } from './csvField'
import { csvRecord } from './csvField'

export const CSV_TABLES = ['samples-cores', 'samples-procs', 'events'] as const
export type CsvTable = (typeof CSV_TABLES)[number]

export const EVENT_COLUMNS = [
  'time_ms',
  'type',
  'pid',
  'ppid',
  'name',
  'role',
  'code',
  'signal',
  'status',
  'queue',
  'op',
  'depth',
  'msg',
  'blocked',
  'task',
  'ok',
  'lock',
  'abandoned',
  'pipe',
  'bytes',
  'count',
  'level',
  'text',
  'data',
  'parent',
  'maxsize',
  'topic'
] as const
type EventColumn = (typeof EVENT_COLUMNS)[number]

export const CSV_COLUMNS: Record<CsvTable, readonly string[]> = {
  'samples-cores': ['time_ms', 'core', 'cpu_percent'],
  'samples-procs': ['time_ms', 'pid', 'cpu_percent', 'rss_bytes', 'ppid'],
  events: EVENT_COLUMNS
}

/** Event field → its column, for the fields stored under their own name. */
const FIELD_COLUMN = new Map<string, number>(EVENT_COLUMNS.map((c, i) => [c, i]))
FIELD_COLUMN.set('t', EVENT_COLUMNS.indexOf('time_ms'))
FIELD_COLUMN.set('worker', EVENT_COLUMNS.indexOf('pid'))
FIELD_COLUMN.set('hostPid', EVENT_COLUMNS.indexOf('pid'))
FIELD_COLUMN.set('scenario', EVENT_COLUMNS.indexOf('name'))
FIELD_COLUMN.set('error', EVENT_COLUMNS.indexOf('text'))
const col = (c: EventColumn): number => EVENT_COLUMNS.indexOf(c)

/** One event flattened into EVENT_COLUMNS (built by index: this runs once per event). */
function eventRow(e: Exclude<RunEvent, { type: 'sample' }>): CsvValue[] {
  const row = new Array<CsvValue>(EVENT_COLUMNS.length)
  for (const k in e) {
    const v = (e as Record<string, unknown>)[k]
    const i = FIELD_COLUMN.get(k)
    if (i !== undefined && (v === null || typeof v !== 'object')) row[i] = v as CsvValue
  }
  if (e.type === 'run.start') row[col('data')] = JSON.stringify(e.params)
  if (e.type === 'run.end') {
    row[col('ok')] = e.verdict.passed
    row[col('text')] = e.error?.message
    row[col('data')] = JSON.stringify({ result: e.result, verdict: e.verdict, error: e.error })
  }
  return row
}

/** The rows of one table in its own columns. */
function* tableRows(trace: TraceDoc, table: CsvTable): Generator<CsvValue[]> {
  for (const e of trace.events) {
    if (e.type === 'sample') {
      if (table === 'samples-cores') {
        for (let core = 0; core < e.cores.length; core++) yield [e.t, core, e.cores[core]]
      } else if (table === 'samples-procs') {
        for (const p of e.procs) yield [e.t, p.pid, p.cpu, p.rss, p.ppid]
      }
    } else if (table === 'events') {
      yield eventRow(e)
    }
  }
}

/** The CSV text of one table, header first, one piece per record. */
export function* csvTableText(trace: TraceDoc, table: CsvTable): Generator<string> {
  yield csvRecord(CSV_COLUMNS[table])
  for (const row of tableRows(trace, table)) yield csvRecord(row)
}

/** The single-file form (the API path): every table under the union of the columns. */
export const COMBINED_COLUMNS = [
  'table',
  ...new Set(CSV_TABLES.flatMap((t) => CSV_COLUMNS[t]))
] as const

export function* csvCombinedText(trace: TraceDoc): Generator<string> {
  yield csvRecord(COMBINED_COLUMNS)
  for (const table of CSV_TABLES) {
    const at = CSV_COLUMNS[table].map((c) => COMBINED_COLUMNS.indexOf(c))
    for (const row of tableRows(trace, table)) {
      const wide = new Array<CsvValue>(COMBINED_COLUMNS.length)
      wide[0] = table
      for (let c = 0; c < row.length; c++) wide[at[c]!] = row[c]
      yield csvRecord(wide)
    }
  }
}

/** File names of the per-table CSV files for `--trace FILE` (FILE's `.csv` ending dropped). */
export function csvTablePaths(file: string): Record<CsvTable, string> {
  const stem = file.toLowerCase().endsWith('.csv') ? file.slice(0, -4) : file
  return {
    'samples-cores': `${stem}.samples-cores.csv`,
    'samples-procs': `${stem}.samples-procs.csv`,
    events: `${stem}.events.csv`
  }
}
