// JSON lines over a stream socket: the transport between host and children (fd 3) and between
// the two ends of a Pipe. Node's built-in IPC writes every message on its own; here every
// message sent in the same tick goes out in one write, which is what makes streams of small
// messages and pipelined pool tasks fast (see bench/pool.bench.ts). Node builtins only: children
// load this.
import type { Socket } from 'node:net'

/** Flush at once past this many buffered characters, so a tight send loop stays bounded. */
const FLUSH_AT = 64 * 1024

/** Printable ASCII but `"` and `\`: JSON.stringify writes a string of only these as it is. */
const PLAIN = /^[ !#-[\]-~]*$/

/**
 * JSON.stringify(value), the same text, with a shortcut for a plain ASCII string (the typical
 * message of a stream): quoting it costs less than half of JSON.stringify's call.
 */
export function toJson(value: unknown): string | undefined {
  if (typeof value === 'string' && PLAIN.test(value)) return '"' + value + '"'
  return JSON.stringify(value) as string | undefined
}

/**
 * Gets what arrives: each line on its own, or (`lines`) every line a read completed at once,
 * as that text, each line ending in its newline (a stream of small messages: one call, and one
 * JSON.parse, per read instead of per message; see parseLines).
 */
export type LineReader = ((line: string) => void) | { lines(text: string): void }

export class LineChannel {
  /** Lines not yet written, each with its newline (appending is cheaper than an array's join). */
  private out = ''
  private scheduled = false
  /** The pieces of a line not yet ended. */
  private partial: string[] = []
  private closed = false
  private draining: Promise<void> | undefined
  /** Set by an owner that wants bytesQueued() (a pipe end's send count). */
  countBytes = false
  private flushedBytes = 0

  constructor(
    readonly socket: Socket,
    reader: LineReader,
    onClose?: () => void
  ) {
    socket.setEncoding('utf8')
    socket.setNoDelay?.(true)
    const deliver =
      typeof reader === 'function'
        ? (text: string) => eachLine(text, reader)
        : (text: string) => reader.lines(text)
    socket.on('data', (chunk: string) => {
      const text = this.completed(chunk)
      if (text !== undefined) deliver(text)
    })
    // EPIPE/ECONNRESET when the other side died: 'close' follows and tells the owner.
    socket.on('error', () => {})
    socket.once('close', () => {
      this.closed = true
      onClose?.()
    })
  }

  get isClosed(): boolean {
    return this.closed || this.socket.destroyed
  }

  /** Queues one message; returns the line's length in characters (without the newline). */
  send(value: unknown): string {
    const line = toJson(value)
    if (line === undefined) throw new TypeError('message is not JSON-serialisable')
    this.sendLine(line)
    return line
  }

  /** Queues one message already written as JSON (one line, no newline). */
  sendLine(line: string): void {
    if (this.isClosed) return
    this.out += line
    this.out += '\n'
    if (this.out.length >= FLUSH_AT) this.flush()
    else if (!this.scheduled) {
      this.scheduled = true
      process.nextTick(() => this.flush())
    }
  }

  flush(): void {
    this.scheduled = false
    if (this.out.length === 0 || this.isClosed) return
    const data = this.out
    this.out = ''
    if (this.countBytes) this.flushedBytes += Buffer.byteLength(data)
    this.socket.write(data)
  }

  /** UTF-8 bytes of every line queued so far, newlines included (needs countBytes). */
  bytesQueued(): number {
    return this.flushedBytes + (this.out.length > 0 ? Buffer.byteLength(this.out) : 0)
  }

  /**
   * Resolves once the socket takes data again (at once unless its buffer is full). A sender that
   * awaits it yields to the event loop, so its writes reach the reader while it keeps producing
   * instead of piling up in memory until its loop ends.
   */
  drained(): Promise<void> {
    const s = this.socket
    if (!s.writableNeedDrain || s.destroyed) return Promise.resolve()
    // One wait shared by every caller: puts not awaited must not pile up listeners.
    this.draining ??= new Promise<void>((resolve) => {
      const done = (): void => {
        s.off('drain', done).off('close', done)
        this.draining = undefined
        resolve()
      }
      s.on('drain', done).on('close', done)
    })
    return this.draining
  }

  /** Flushes, then half-closes; `done` runs once the data is handed to the OS. */
  end(done?: () => void): void {
    this.flush()
    if (this.isClosed) return void done?.()
    this.socket.end(done)
  }

  destroy(): void {
    this.out = ''
    this.socket.destroy()
  }

  /**
   * The text of the lines this chunk completes, each ending in its newline (undefined if it
   * completes none). The pieces of a long line are joined once it is complete, not re-copied
   * with every chunk.
   */
  private completed(chunk: string): string | undefined {
    const last = chunk.lastIndexOf('\n')
    if (last < 0) {
      this.partial.push(chunk)
      return undefined
    }
    let text = last === chunk.length - 1 ? chunk : chunk.slice(0, last + 1)
    if (this.partial.length > 0) {
      this.partial.push(text)
      text = this.partial.join('')
      this.partial = []
    }
    if (last < chunk.length - 1) this.partial.push(chunk.slice(last + 1))
    return text
  }
}

/** Calls `onLine` with each line of `text` (lines that each end in a newline). */
function eachLine(text: string, onLine: (line: string) => void): void {
  for (let start = 0, nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    onLine(text.slice(start, nl))
    start = nl + 1
  }
}
