// GET/HEAD EXPORT_PATH?run=ID&format=native|chrome|csv: an ended run's trace as a download,
// built piece by piece as the reader takes them. Serve mode sends it over HTTP; the Electron
// scheme answers the same Response. Errors answer with the API's message as text; HEAD checks
// without building the trace.
import { ApiError } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import type { ExportStream } from '../core/trace/exportTrace'
import { textResponse } from './textResponse'
import { textStream } from './textStream'

/** The export a download URL names (its `run` and `format`), or the API's error. */
export function exportOf(service: Pick<PoolScopeService, 'exportStream'>, url: URL): ExportStream {
  return service.exportStream({
    runId: url.searchParams.get('run') ?? undefined,
    format: url.searchParams.get('format') ?? undefined
  })
}

export function exportRoute(
  service: Pick<PoolScopeService, 'exportStream'>,
  request: Request
): Response {
  let file: ExportStream
  try {
    file = exportOf(service, new URL(request.url))
  } catch (err) {
    const status = err instanceof ApiError && err.code === 'not-found' ? 404 : 400
    return textResponse(status, err instanceof Error ? err.message : String(err))
  }
  const headers = {
    'content-type': `${file.mime}; charset=utf-8`,
    // an opened trace's scenario name comes from its file: only plain characters reach a header
    'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'no-store'
  }
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
  return new Response(textStream(file.pieces), { status: 200, headers })
}
