// A connected pair of sockets whose ends can be handed to child processes over Node's IPC,
// made in the way each platform allows:
// - Linux: an abstract unix socket (no file left behind);
// - macOS and the BSDs (no abstract namespace): a unix socket in a fresh 0700 temporary folder,
//   removed as soon as the pair is connected;
// - Windows: libuv passes only TCP handles over IPC, so a loopback TCP pair; the listener takes
//   only the connection from our own client's port and closes at once.
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type SocketPairKind = 'abstract' | 'file' | 'tcp'

export function socketPairKind(platform: NodeJS.Platform = process.platform): SocketPairKind {
  return platform === 'linux' ? 'abstract' : platform === 'win32' ? 'tcp' : 'file'
}

/**
 * `[client, accepted]`, both paused: bytes that arrive before an end is handed to a child wait
 * in the kernel for that child. `name` tells the pair apart in the abstract namespace.
 */
export async function socketPair(
  name: string,
  kind: SocketPairKind = socketPairKind()
): Promise<[Socket, Socket]> {
  if (kind === 'abstract') return pairAt({ path: `\0poolscope-${process.pid}-${name}` })
  if (kind === 'tcp') return pairAt({ host: '127.0.0.1', port: 0 })
  // sun_path holds 104 bytes on macOS: a short name in a short folder.
  const dir = mkdtempSync(join(tmpdir(), 'ps-'))
  try {
    return await pairAt({ path: join(dir, 's') })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

type Where = { path: string } | { host: string; port: number }

function pairAt(where: Where): Promise<[Socket, Socket]> {
  return new Promise((resolve, reject) => {
    const server = createServer({ pauseOnConnect: true })
    server.once('error', reject)
    server.listen(where, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const client = createConnection('path' in where ? { path: where.path } : { ...where, port })
      client.pause()
      client.once('error', reject)
      const accepted: Socket[] = []
      let connected = false
      const settle = () => {
        if (!connected) return
        // Over TCP any local process could connect too: take only our own client.
        const ours = accepted.find(
          (s) =>
            'path' in where ||
            (s.remotePort === client.localPort && s.remoteAddress === client.localAddress)
        )
        for (const s of accepted.splice(0)) if (s !== ours) s.destroy()
        if (!ours) return
        server.close()
        resolve([client, ours])
      }
      server.on('connection', (s) => {
        accepted.push(s)
        settle()
      })
      client.once('connect', () => {
        connected = true
        settle()
      })
    })
  })
}
