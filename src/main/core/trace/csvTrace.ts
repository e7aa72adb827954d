// CSV export. A spreadsheet wants one table per sheet, so the CLI writes one file per table:
//   FILE.samples-cores.csv  time_ms, core, cpu_percent           (one row per core per sample)
//   FILE.samples-procs.csv  time_ms, pid, cpu_percent, rss_bytes (one row per process per sample)
//   FILE.events.csv         time_ms, type, pid, … (EVENT_COLUMNS; samples are in the two above)
// The API (browser download) carries one file: the three tables stacked under the union of their
// columns, with a first column `table` (samples-cores | samples-procs | events).
// Empty cell = no value (e.g. cpu_percent on a process's first tick: "no data yet").
import type { RunEvent } from '../../../shared/events'
import type { NativeTrace } from '../../../shared/trace'
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
  'level',
  'text',
  'data'
] as const
type EventColumn = (typeof EVENT_COLUMNS)[number]

export const CSV_COLUMNS: Record<CsvTable, readonly string[]> = {
  'samples-cores': ['time_ms', 'core', 'cpu_percent'],
  'samples-procs': ['time_ms', 'pid', 'cpu_percent', 'rss_bytes'],
  events: EVENT_COLUMNS
}

/** The flattened fields of one event (the `type`-specific ones; the rest stay empty). */
function eventCells(
  e: Exclude<RunEvent, { type: 'sample' }>
): Partial<Record<EventColumn, CsvValue>> {
  const { t, type, ...rest } = e
  const base = { time_ms: t, type }
  switch (e.type) {
    case 'run.start':
      return { ...base, pid: e.hostPid, name: e.scenario, data: JSON.stringify(e.params) }
    case 'run.end':
      return {
        ...base,
        pid: e.hostPid,
        status: e.status,
        ok: e.verdict.passed,
        text: e.error?.message,
        data: JSON.stringify({ result: e.result, verdict: e.verdict })
      }
    case 'task.queued':
      return { ...base, task: e.task, name: e.name }
    case 'task.start':
      return { ...base, task: e.task, pid: e.worker }
    case 'task.end':
      return { ...base, task: e.task, pid: e.worker, ok: e.ok, text: e.error }
    default:
      // Every other event's fields are scalars named like the columns they go in.
      return { ...base, ...(rest as Partial<Record<EventColumn, CsvValue>>) }
  }
}

/** The CSV text of one table, header first, one piece per record. */
export function* csvTableText(trace: NativeTrace, table: CsvTable): Generator<string> {
  yield* csvRows(trace, table, CSV_COLUMNS[table], [])
}

/** The single-file form (the API path): every table under the union of the columns. */
export const COMBINED_COLUMNS = [
  'table',
  ...new Set(CSV_TABLES.flatMap((t) => CSV_COLUMNS[t]))
] as const

export function* csvCombinedText(trace: NativeTrace): Generator<string> {
  yield csvRecord(COMBINED_COLUMNS)
  for (const table of CSV_TABLES) {
    yield* csvRows(trace, table, COMBINED_COLUMNS, ['table'], false)
  }
}

function* csvRows(
  trace: NativeTrace,
  table: CsvTable,
  columns: readonly string[],
  lead: readonly string[],
  header = true
): Generator<string> {
  if (header) yield csvRecord(columns)
  const row = (cells: Record<string, CsvValue>): string =>
    csvRecord(columns.map((c) => (lead.includes(c) ? table : cells[c])))
  for (const e of trace.events) {
    if (e.type === 'sample') {
      if (table === 'samples-cores') {
        for (let core = 0; core < e.cores.length; core++) {
          yield row({ time_ms: e.t, core, cpu_percent: e.cores[core] })
        }
      } else if (table === 'samples-procs') {
        for (const p of e.procs) {
          yield row({ time_ms: e.t, pid: p.pid, cpu_percent: p.cpu, rss_bytes: p.rss })
        }
      }
    } else if (table === 'events') {
      yield row(eventCells(e))
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
