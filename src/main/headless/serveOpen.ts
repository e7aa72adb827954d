// POST /api/open?name=FILE with the file as the body: opens a saved trace (plain or gzip) as
// openTrace does, answering the new run's RunInfo as JSON. The browser sends the file straight
// from disk, so the page never reads, converts or sends 18 MB of text on its own thread.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_TRACE_CHARS } from '../../shared/api'
import { toApiErrorInfo } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { mib } from '../core/trace/checkJsonLimits'
import { decodeTraceBytes } from '../core/trace/loadTraceFile'
import { sendText } from './sendText'

export const OPEN_PATH = '/api/open'
/** Bytes of a posted trace (compressed or not): the API's limit on its text. */
export const MAX_OPEN_BYTES = MAX_TRACE_CHARS

export async function serveOpen(
  service: Pick<PoolScopeService, 'call'>,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const fileName = url.searchParams.get('name') ?? ''
  const fail = (status: number, message: string): void => sendText(res, status, message)
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_OPEN_BYTES) {
    req.resume()
    return fail(
      413,
      `${fileName}: file is ${mib(declared)}, over the limit of ${mib(MAX_OPEN_BYTES)}`
    )
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_OPEN_BYTES) {
      // read no further: the answer goes out, then the connection closes
      res.setHeader('connection', 'close')
      res.once('finish', () => req.destroy())
      return fail(413, `${fileName}: file is over the limit of ${mib(MAX_OPEN_BYTES)}`)
    }
    chunks.push(chunk)
  }
  let content: string
  try {
    content = await decodeTraceBytes(Buffer.concat(chunks), MAX_TRACE_CHARS)
  } catch (err) {
    return fail(400, `${fileName}: ${err instanceof Error ? err.message : String(err)}`)
  }
  try {
    const info = await service.call('openTrace', { fileName, content })
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info))
  } catch (err) {
    fail(400, toApiErrorInfo(err).message)
  }
}
