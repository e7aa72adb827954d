// Serves the built renderer's files; anything outside its folder is not found. Unknown paths
// fall back to index.html (a single-page app).
import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

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

export function serveStatic(
  root: string,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse
): void {
  let rel: string
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  } catch {
    res.writeHead(400).end()
    return
  }
  let file = join(root, rel)
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(404).end()
    return
  }
  if (!isFile(file)) {
    if (extname(rel)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
      return
    }
    file = join(root, 'index.html')
    if (!isFile(file)) {
      res
        .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`The renderer is not built (no ${file}). Run: npm run build\n`)
      return
    }
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache'
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
