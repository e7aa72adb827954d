// The Unix socket a watched program's processes connect to, in a 0700 temporary directory.
// A connection is either one process's events (JSON lines, see wire.ts) or one process's
// stdout/stderr (a header line, then raw bytes). Lines are bounded; a bad one is reported to
// `onWarn` and skipped, never thrown.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import type { WireMessage } from './wire'
import { MAX_LINE_BYTES, StreamHeaderSchema, parseWire } from './wire'

export interface ShimHandlers {
  /** A checked message; `ns` is when the host received it (CLOCK_MONOTONIC). */
  onMessage(msg: WireMessage, receivedNs: bigint): void
  /** Output of process `pid` on fd 1 (stdout) or 2 (stderr). */
  onOutput(pid: number, fd: 1 | 2, text: string): void
  onWarn(text: string): void
}

export class ShimServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'poolscope-'))
  readonly path = join(this.dir, 's')
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly idleWaiters = new Set<() => void>()
  /** Lines refused so far (each kind is warned about a few times, then counted). */
  private refused = 0

  constructor(private readonly handlers: ShimHandlers) {
    this.server = createServer((socket) => this.accept(socket))
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.path, () => resolve())
    })
  }

  get open(): number {
    return this.sockets.size
  }

  /** Resolves once no connection is open, or after `ms` (whichever comes first). */
  idle(ms: number): Promise<void> {
    if (this.sockets.size === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.idleWaiters.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.idleWaiters.add(done)
    })
  }

  get refusedLines(): number {
    return this.refused
  }

  /** Stops listening, drops every connection and removes the directory. */
  close(): void {
    for (const s of this.sockets) s.destroy()
    this.server.close()
    rmSync(this.dir, { recursive: true, force: true })
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => {
      this.sockets.delete(socket)
      if (this.sockets.size === 0) for (const done of [...this.idleWaiters]) done()
    })
    socket.on('error', () => socket.destroy())
    let pending: Buffer[] = []
    let size = 0
    let skipping = false
    let stream: { pid: number; fd: 1 | 2; decoder: StringDecoder } | undefined
    socket.on('data', (chunk: Buffer) => {
      if (stream) {
        const text = stream.decoder.write(chunk)
        if (text) this.handlers.onOutput(stream.pid, stream.fd, text)
        return
      }
      const received = process.hrtime.bigint()
      let start = 0
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl)
        start = nl + 1
        if (skipping) {
          skipping = false
          continue
        }
        const line =
          size === 0 ? piece.toString('utf8') : Buffer.concat([...pending, piece]).toString('utf8')
        pending = []
        size = 0
        if (line.length > MAX_LINE_BYTES) {
          this.refuse(`a line of ${line.length} bytes (limit ${MAX_LINE_BYTES})`)
          continue
        }
        const header = stream === undefined && line.startsWith('{"type":"stream"')
        if (header) {
          const h = StreamHeaderSchema.safeParse(safeJson(line))
          if (!h.success) {
            this.refuse(`a bad stream header: ${line.slice(0, 80)}`)
            socket.destroy()
            return
          }
          stream = { pid: h.data.pid, fd: h.data.fd, decoder: new StringDecoder('utf8') }
          const rest = chunk.subarray(start)
          if (rest.length) {
            const text = stream.decoder.write(rest)
            if (text) this.handlers.onOutput(stream.pid, stream.fd, text)
          }
          return
        }
        const parsed = parseWire(line)
        if (parsed.ok) this.handlers.onMessage(parsed.msg, received)
        else this.refuse(parsed.error)
      }
      const rest = chunk.subarray(start)
      if (rest.length === 0 || skipping) return
      size += rest.length
      if (size > MAX_LINE_BYTES) {
        this.refuse(`a line over ${MAX_LINE_BYTES} bytes`)
        pending = []
        size = 0
        skipping = true
      } else pending.push(Buffer.from(rest))
    })
    socket.on('end', () => {
      if (stream) {
        const text: string = stream.decoder.end()
        if (text) this.handlers.onOutput(stream.pid, stream.fd, text)
      }
    })
  }

  private refuse(why: string): void {
    this.refused++
    if (this.refused <= 20) this.handlers.onWarn(`shim: refused ${why}`)
    else if (this.refused === 21) this.handlers.onWarn('shim: more lines refused (not shown)')
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}
