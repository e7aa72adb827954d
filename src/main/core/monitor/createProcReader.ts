// Picks the process reader for a platform: the procfs fast path on Linux, pidusage elsewhere.
import { PidusageReader } from './PidusageReader'
import type { ProcReader } from './ProcReader'
import { ProcfsReader } from './ProcfsReader'

export function createProcReader(platform: NodeJS.Platform = process.platform): ProcReader {
  return platform === 'linux' ? new ProcfsReader() : new PidusageReader()
}
