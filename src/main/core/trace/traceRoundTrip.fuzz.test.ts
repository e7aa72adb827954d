// Any schema-valid trace (SYNTHETIC, generated) survives the file formats: native (plain and
// gzip) re-opens identical; CSV parses back with its declared columns, one row per record.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { arbitraryTrace } from '../../../../test/core/trace/arbitraryTrace'
import { CSV_COLUMNS, CSV_TABLES, csvTablePaths } from './csvTrace'
import { parseCsv } from './parseCsv'
import { loadTraceFile } from './loadTraceFile'
import { writeTrace } from './writeTrace'

describe('file round trips of arbitrary valid traces (SYNTHETIC, generated)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poolscope-fuzz-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('native and native.gz re-open identical', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryTrace(), fc.boolean(), async (trace, gz) => {
        const path = join(dir, gz ? 'x.poolscope.json.gz' : 'x.poolscope.json')
        await writeTrace(trace, 'native', path)
        expect(await loadTraceFile(path)).toEqual(trace)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) }
    )
  })

  it('CSV tables parse back with their declared columns', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryTrace(), async (trace) => {
        const paths = csvTablePaths(join(dir, 'x.csv'))
        await writeTrace(trace, 'csv', join(dir, 'x.csv'))
        const rowsOf = {
          'samples-cores': trace.events.reduce(
            (n, e) => n + (e.type === 'sample' ? e.cores.length : 0),
            0
          ),
          'samples-procs': trace.events.reduce(
            (n, e) => n + (e.type === 'sample' ? e.procs.length : 0),
            0
          ),
          events: trace.events.filter((e) => e.type !== 'sample').length
        }
        for (const table of CSV_TABLES) {
          const [head, ...rows] = parseCsv(readFileSync(paths[table], 'utf8'))
          expect(head).toEqual(CSV_COLUMNS[table])
          expect(rows).toHaveLength(rowsOf[table])
          for (const r of rows) expect(r).toHaveLength(head!.length)
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) }
    )
  })
})
