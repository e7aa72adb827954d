// Electron's export: a download of EXPORT_PATH (the page clicks the same link in every face) is
// taken over by the main process, which asks where to save and writes the trace there with the
// CLI's atomic writer, streamed piece by piece (never one string, in the page or here).
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { writeFilesAtomic } from '../core/trace/writeAtomic'
import { EXPORT_PATH } from '../../shared/routes'
import { APP_ORIGIN } from './appProtocol'
import { exportOf } from './exportRoute'

/** Whether a download's URL is one of our trace exports. */
export function isExportUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}${EXPORT_PATH}?`)
}

/** Writes the export `url` names to the path `choosePath` picks (given the suggested name);
 *  resolves to that path, or null when the user cancelled. Errors say what is wrong. */
export async function saveExport(
  service: Pick<PoolScopeService, 'exportStream'>,
  url: string,
  choosePath: (suggestedName: string) => Promise<string | undefined>
): Promise<string | null> {
  const file = exportOf(service, new URL(url))
  const path = await choosePath(file.fileName)
  if (!path) return null
  const gzip = file.fileName.endsWith('.poolscope.json') && path.toLowerCase().endsWith('.gz')
  await writeFilesAtomic([{ path, text: file.pieces, gzip }])
  return path
}
