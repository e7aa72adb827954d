// POST OPEN_PATH?name=FILE with the file as the body: opens a saved trace (plain or gzip) as
// openTrace does, answering the new run's RunInfo as JSON. The page never reads the file: the
// browser (serve mode) or Electron's network stack (the poolscope:// scheme) streams it here, and
// reading stops at the limit.
import { MAX_TRACE_CHARS } from '../../shared/api'
import { toApiErrorInfo } from '../core/host/ApiError'
import type { PoolScopeService } from '../core/host/PoolScopeService'
import { mib } from '../core/trace/checkJsonLimits'
import { decodeTraceBytes } from '../core/trace/loadTraceFile'
import { textResponse } from './textResponse'

/** Bytes of a posted trace (compressed or not): the API's limit on its text. */
export const MAX_OPEN_BYTES = MAX_TRACE_CHARS

export async function openRoute(
  service: Pick<PoolScopeService, 'call'>,
  request: Request
): Promise<Response> {
  const fileName = new URL(request.url).searchParams.get('name') ?? ''
  const declared = Number(request.headers.get('content-length') ?? 0)
  const tooBig = (size?: number): Response => {
    void request.body?.cancel().catch(() => undefined)
    const is = size === undefined ? 'over' : `${mib(size)}, over`
    // read no further: the answer goes out, then the connection closes
    return textResponse(413, `${fileName}: file is ${is} the limit of ${mib(MAX_OPEN_BYTES)}`, {
      connection: 'close'
    })
  }
  if (declared > MAX_OPEN_BYTES) return tooBig(declared)
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size > MAX_OPEN_BYTES) {
        void reader.cancel().catch(() => undefined)
        return tooBig()
      }
      chunks.push(value)
    }
  }
  let content: string
  try {
    content = await decodeTraceBytes(Buffer.concat(chunks), MAX_TRACE_CHARS)
  } catch (err) {
    return textResponse(400, `${fileName}: ${err instanceof Error ? err.message : String(err)}`)
  }
  try {
    const info = await service.call('openTrace', { fileName, content })
    return Response.json(info)
  } catch (err) {
    return textResponse(400, toApiErrorInfo(err).message)
  }
}
