// Whether this process may read `path` (is /proc mounted and ours to read?).
import { accessSync, constants } from 'node:fs'

export function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK)
    return true
  } catch {
    return false
  }
}
