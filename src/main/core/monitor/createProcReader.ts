// Picks the process reader for a platform: the procfs fast path on Linux (when /proc is
// there to read), pidusage everywhere else.
import { PidusageReader } from './PidusageReader'
import type { ProcReader } from './ProcReader'
import { ProcfsReader } from './ProcfsReader'
import { readable } from './readable'

export function createProcReader(platform: NodeJS.Platform = process.platform): ProcReader {
  if (platform !== 'linux') return new PidusageReader()
  return readable('/proc/self/stat') ? new ProcfsReader() : new PidusageReader(true)
}
