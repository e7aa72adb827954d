// Reads a native trace file from disk (.poolscope.json, or gzip: recognised by its magic bytes),
// refusing sizes beyond TRACE_LIMITS before they are in memory.
import { readFile, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import type { NativeTrace } from '../../../shared/trace'
import { TRACE_LIMITS } from '../../../shared/trace'
import { mib } from './checkJsonLimits'
import { parseNativeTrace } from './parseNativeTrace'

const gunzipAsync = promisify(gunzip)
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads, decompresses and validates; errors start with the path and say what is wrong. */
export async function loadTraceFile(path: string): Promise<NativeTrace> {
  try {
    return parseNativeTrace(await readTraceText(path))
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

async function readTraceText(path: string): Promise<string> {
  let size: number
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new Error('not a regular file')
    size = st.size
  } catch (err) {
    throw new Error(`cannot read (${reason(err)})`)
  }
  if (size > TRACE_LIMITS.fileBytes) {
    throw new Error(`file is ${mib(size)}, over the limit of ${mib(TRACE_LIMITS.fileBytes)}`)
  }
  const bytes = await readFile(path)
  return decodeTraceBytes(bytes)
}

/** Text of a trace file's bytes: gunzipped (bounded: a gzip bomb stops at the limit) or UTF-8. */
export async function decodeTraceBytes(
  bytes: Buffer,
  maxChars: number = TRACE_LIMITS.textChars
): Promise<string> {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let raw: Buffer
    try {
      raw = await gunzipAsync(bytes, { maxOutputLength: maxChars })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new Error(`decompresses to more than the limit of ${mib(maxChars)}`)
      }
      throw new Error(`not a valid gzip file (${reason(err)})`)
    }
    bytes = raw
  }
  try {
    return utf8.decode(bytes)
  } catch {
    throw new Error('not valid UTF-8 text (nor gzip)')
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : String(e.message ?? e)
}
