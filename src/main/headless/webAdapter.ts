// Serve mode's bridge between node:http and the transport-neutral routes (Request → Response,
// the shape Electron's protocol.handle uses too).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'

/** The request as a web Request; its body is read only as the route asks for it. */
export function toWebRequest(req: IncomingMessage, url: URL): Request {
  const method = req.method ?? 'GET'
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  let body: ReadableStream<Uint8Array> | null = null
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>
    body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await chunks.next()
          if (next.done) controller.close()
          else controller.enqueue(next.value)
        }
        // no cancel: a route that stops reading answers first, then the connection closes
      },
      { highWaterMark: 0 }
    )
  }
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit)
}

/** Sends `response`: the head once its body's first bytes are read (a body that fails before
 *  them is a 500 naming the error), then the rest through stream.pipeline with backpressure.
 *  Rejects when the client went away or the body failed later: the caller drops the socket. */
export async function sendWebResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response
): Promise<void> {
  if (!req.complete && req.method !== 'GET' && req.method !== 'HEAD') {
    // the route answered before taking the whole body: read no more, close after answering
    res.setHeader('connection', 'close')
    res.once('finish', () => req.destroy())
  }
  const head = (status: number, headers: Headers): void => {
    res.writeHead(status, Object.fromEntries(headers))
  }
  const body = response.body
  if (!body || req.method === 'HEAD') {
    await body?.cancel()
    head(response.status, response.headers)
    res.end()
    return
  }
  const reader = body.getReader()
  let first: Awaited<ReturnType<typeof reader.read>>
  try {
    first = await reader.read()
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`cannot read ${req.url ?? ''}: ${err instanceof Error ? err.message : String(err)}\n`)
    return
  }
  head(response.status, response.headers)
  if (first.done) return void res.end()
  const firstChunk = first.value
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      yield firstChunk
      for (;;) {
        const next = await reader.read()
        if (next.done) return
        yield next.value
      }
    } finally {
      await reader.cancel().catch(() => undefined)
    }
  }
  await pipeline(rest(), res)
}
