// Picks the explorer's reader: /proc on Linux (when it is there to read), systeminformation
// everywhere else.
import { readable } from '../monitor/readable'
import { ProcfsSystemReader } from './ProcfsSystemReader'
import { SiSystemReader } from './SiSystemReader'
import type { SystemReader } from './SystemReader'

export function createSystemReader(platform: NodeJS.Platform = process.platform): SystemReader {
  if (platform === 'linux' && readable('/proc/self/stat')) return new ProcfsSystemReader()
  return new SiSystemReader(platform)
}
