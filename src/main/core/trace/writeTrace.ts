// The CLI's export: a trace written to disk atomically, streamed in chunks.
import type { TraceFormat } from '../../../shared/api'
import type { TraceDoc } from './TraceDoc'
import { traceFiles } from './traceFiles'
import { writeFilesAtomic } from './writeAtomic'

/** Writes the trace; resolves to the paths written, or rejects saying why (nothing left behind). */
export async function writeTrace(
  trace: TraceDoc,
  format: TraceFormat,
  path: string
): Promise<string[]> {
  const files = traceFiles(trace, format, path)
  await writeFilesAtomic(files)
  return files.map((f) => f.path)
}
