// The built renderer's files as Responses, streamed from an open descriptor: a file removed after
// it was opened still reads whole, one that is missing is a 404, and a read that fails is the
// caller's to answer (serve mode: a 500 before the first byte). Anything outside the folder is
// not found; unknown paths without an extension fall back to index.html (a single-page app).
import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { Readable } from 'node:stream'
import { textResponse } from './textResponse'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export async function staticRoute(
  root: string,
  pathname: string,
  method: string
): Promise<Response> {
  let rel: string
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  } catch {
    return textResponse(400, 'bad path')
  }
  let file = join(root, rel)
  if (!file.startsWith(root + sep) && file !== root) return textResponse(404, 'not found')
  let fh = await openFile(file)
  if (!fh) {
    if (extname(rel)) return textResponse(404, 'not found')
    file = join(root, 'index.html')
    fh = await openFile(file)
    if (!fh) return textResponse(500, `The renderer is not built (no ${file}). Run: npm run build`)
  }
  const headers = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache'
  }
  if (method === 'HEAD') {
    await fh.close()
    return new Response(null, { status: 200, headers })
  }
  const body = Readable.toWeb(fh.createReadStream()) as ReadableStream<Uint8Array>
  return new Response(body, { status: 200, headers })
}

/** The regular file at `path`, opened; null when there is none (missing, a folder, gone). */
async function openFile(path: string): Promise<FileHandle | null> {
  let fh: FileHandle
  try {
    fh = await open(path, 'r')
  } catch {
    return null
  }
  try {
    if ((await fh.stat()).isFile()) return fh
  } catch {
    // fall through: unreadable is missing
  }
  await fh.close()
  return null
}
