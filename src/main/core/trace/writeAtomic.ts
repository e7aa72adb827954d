// Atomic, streamed file writes: each file is written to a temporary file in the same directory
// (so that rename cannot cross file systems), then renamed over the target. A failure removes
// every temporary file, so a failed export leaves nothing behind and a reader never sees half a file.
import { createWriteStream } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'

export interface FileToWrite {
  path: string
  /** The content in pieces; small pieces are joined into ~1 MiB writes. */
  text: Iterable<string>
  gzip?: boolean
}

const CHUNK_CHARS = 1 << 20
/** Pieces this large are written as they are: joining them would only copy. */
const PASS_THROUGH_CHARS = 1 << 16

/** Joins small strings into chunks of about `size` characters (fewer, larger writes); pieces
 * already that large pass through as they are, without a copy. */
export function* joinIntoChunks(pieces: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  let buf: string[] = []
  let len = 0
  for (const p of pieces) {
    if (p.length >= PASS_THROUGH_CHARS) {
      if (len > 0) yield buf.join('')
      buf = []
      len = 0
      yield p
      continue
    }
    buf.push(p)
    len += p.length
    if (len >= size) {
      yield buf.join('')
      buf = []
      len = 0
    }
  }
  if (len > 0) yield buf.join('')
}

/** Numbers temporary files: two exports in the same process never share one. */
let tempSeq = 0

/** Writes every file or none: all temporaries are complete before the first rename. */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const temps: string[] = []
  try {
    for (const f of files) {
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${++tempSeq}.tmp`)
      temps.push(tmp)
      if (f.gzip) {
        const source = Readable.from(joinIntoChunks(f.text), { objectMode: false })
        // 'wx': never follow or clobber something already at the temporary name.
        await pipeline(source, createGzip(), createWriteStream(tmp, { flags: 'wx', mode: 0o644 }))
      } else {
        await writePlain(tmp, f.text)
      }
    }
    for (let i = 0; i < files.length; i++) await rename(temps[i]!, files[i]!.path)
  } catch (err) {
    await Promise.all(temps.map((t) => unlink(t).catch(() => undefined)))
    throw new Error(`cannot write ${files.map((f) => f.path).join(', ')}: ${describe(err)}`)
  }
}

/** Text encoded into two reused buffers: one fills while the other is written, so that the
 *  CPU is not idle during a write and no chunk-sized string or buffer is allocated per write
 *  (a large export would otherwise leave hundreds of MiB of them for the garbage collector). */
async function writePlain(path: string, text: Iterable<string>): Promise<void> {
  const fh = await open(path, 'wx', 0o644)
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK_CHARS), Buffer.allocUnsafe(CHUNK_CHARS)]
    let buf = buffers[0]!
    let used = 0
    let inFlight: Promise<void> = Promise.resolve()
    const flush = async (): Promise<void> => {
      await inFlight
      inFlight = writeAll(fh, buf.subarray(0, used))
      buf = buf === buffers[0] ? buffers[1]! : buffers[0]!
      used = 0
    }
    for (const piece of text) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8: a piece that may not fit waits.
      if (used + piece.length * 3 > buf.length) {
        if (used > 0) await flush()
        if (piece.length * 3 > buf.length) {
          await inFlight
          inFlight = writeAll(fh, Buffer.from(piece, 'utf8'))
          continue
        }
      }
      used += buf.write(piece, used, 'utf8')
    }
    if (used > 0) await flush()
    await inFlight
  } finally {
    await fh.close()
  }
}

async function writeAll(fh: FileHandle, bytes: Buffer): Promise<void> {
  let done = 0
  while (done < bytes.length) done += (await fh.write(bytes, done)).bytesWritten
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  if (e.code === 'EACCES' || e.code === 'EPERM') return `permission denied (${e.code})`
  if (e.code === 'ENOENT') return 'the directory does not exist (ENOENT)'
  if (e.code === 'ENOSPC') return 'no space left on the device (ENOSPC)'
  return e.code ? `${e.code}: ${e.message}` : String(e.message ?? e)
}
