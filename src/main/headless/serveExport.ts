// GET /api/export?run=ID&format=native|chrome|csv: an ended run's trace as a download, streamed
// piece by piece as the socket takes them (a million-event run is never one string here, nor
// one WebSocket message that the page would have to parse). Errors answer with the API's
// message as text; HEAD checks without building the trace.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { sendText } from './sendText'

export const EXPORT_PATH = '/api/export'

export async function serveExport(
  service: Pick<PoolScopeService, 'exportStream'>,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  let file
  try {
    file = service.exportStream({
      runId: url.searchParams.get('run') ?? undefined,
      format: url.searchParams.get('format') ?? undefined
    })
  } catch (err) {
    const status = err instanceof ApiError && err.code === 'not-found' ? 404 : 400
    return sendText(res, status, err instanceof Error ? err.message : String(err))
  }
  res.writeHead(200, {
    'content-type': `${file.mime}; charset=utf-8`,
    // an opened trace's scenario name comes from its file: only plain characters reach a header
    'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'no-store'
  })
  if (req.method === 'HEAD') return void res.end()
  // One listener each for the whole download (a promise per wait piled up a listener per wait).
  let gone = false
  let wake = (): void => undefined
  res.once('close', () => {
    gone = true
    wake()
  })
  res.on('drain', () => wake())
  for (const piece of file.pieces) {
    if (gone) return // the client went away: stop building the rest
    if (!res.write(piece)) await new Promise<void>((resolve) => (wake = resolve))
  }
  res.end()
}
