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
    // An event connection is decoded as text once per chunk and cut into lines there (a
    // Buffer per line costs more than the line's own parse); the same decoder goes on for a
    // stream connection's output, a character cut between chunks included.
    const decoder = new StringDecoder('utf8')
    let pending = ''
    let skipping = false
    let stream: { pid: number; fd: 1 | 2 } | undefined
    socket.on('data', (chunk: Buffer) => {
      if (stream) {
        const text = decoder.write(chunk)
        if (text) this.handlers.onOutput(stream.pid, stream.fd, text)
        return
      }
      const received = process.hrtime.bigint()
      const text = decoder.write(chunk)
      let start = 0
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        let line = text.slice(start, nl)
        start = nl + 1
        if (skipping) {
          skipping = false
          continue
        }
        if (pending) {
          line = pending + line
          pending = ''
        }
        if (line.length > MAX_LINE_BYTES) {
          this.refuse(`a line of ${line.length} bytes (limit ${MAX_LINE_BYTES})`)
          continue
        }
        if (line.startsWith('{"type":"stream"')) {
          const h = StreamHeaderSchema.safeParse(safeJson(line))
          if (!h.success) {
            this.refuse(`a bad stream header: ${line.slice(0, 80)}`)
            socket.destroy()
            return
          }
          stream = { pid: h.data.pid, fd: h.data.fd }
          const rest = text.slice(start)
          if (rest) this.handlers.onOutput(stream.pid, stream.fd, rest)
          return
        }
        const parsed = parseWire(line)
        if (parsed.ok) this.handlers.onMessage(parsed.msg, received)
        else this.refuse(parsed.error)
      }
      if (start === text.length || skipping) return
      pending += text.slice(start)
      if (pending.length > MAX_LINE_BYTES) {
        this.refuse(`a line over ${MAX_LINE_BYTES} bytes`)
        pending = ''
        skipping = true
      }
    })
    socket.on('end', () => {
      if (stream) {
        const text: string = decoder.end()
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
