// A map chunk's items and results, when they are all plain numbers, cross the channel as the
// bytes of an Int32Array or Float64Array in base64 instead of JSON text, about ten times cheaper
// than JSON.stringify/parse of the numbers (docs/measurements.md; bench/pool.bench.ts, pool.map).
// Same values as a JSON round trip, or no packing at all.
// Node builtins only: children load this.

/** How the numbers were packed: 4-byte integers or 8-byte doubles. */
export type NumberPacking = 'i32' | 'f64'

/** Shorter arrays go as JSON: packing saves nothing there. */
export const PACK_MIN = 64

/**
 * `values` as base64 of a typed array, or null when JSON would not give them back unchanged as
 * numbers (a non-number, NaN, ±Infinity, a hole) or when there are fewer than `min`.
 */
export function packNumbers(
  values: readonly unknown[],
  min = PACK_MIN
): { packed: NumberPacking; data: string } | null {
  const n = values.length
  if (n < min) return null
  let ints = true
  for (let i = 0; i < n; i++) {
    const x = values[i]
    if (typeof x !== 'number') return null
    if ((x | 0) !== x) {
      if (x !== x || x === Infinity || x === -Infinity) return null
      ints = false
    }
  }
  const bytes = scratch(n * (ints ? 4 : 8))
  if (ints) {
    const a = new Int32Array(bytes.buffer, bytes.byteOffset, n) // -0 becomes 0, as in JSON
    for (let i = 0; i < n; i++) a[i] = values[i] as number
    return { packed: 'i32', data: bytes.toString('base64', 0, n * 4) }
  }
  const a = new Float64Array(bytes.buffer, bytes.byteOffset, n)
  for (let i = 0; i < n; i++) a[i] = (values[i] as number) + 0 // -0 + 0 is 0, as in JSON
  return { packed: 'f64', data: bytes.toString('base64', 0, n * 8) }
}

/** Up to this size the scratch buffer is kept between uses; a larger need gets its own. */
const SCRATCH_KEEP = 1 << 20

/**
 * One buffer reused for packing and unpacking in this process: a fresh 100 KB buffer per map
 * chunk costs page faults, most of a map's system time. Its own memory (allocUnsafeSlow), so
 * 8-byte aligned for the typed-array views; its contents are copied out before the next use.
 */
let shared = Buffer.alloc(0)

function scratch(bytes: number): Buffer {
  if (shared.length >= bytes) return shared
  if (bytes > SCRATCH_KEEP) return Buffer.allocUnsafeSlow(bytes)
  shared = Buffer.allocUnsafeSlow(Math.min(SCRATCH_KEEP, Math.max(bytes, shared.length * 2)))
  return shared
}

/** The numbers packNumbers packed; throws if `data` is not such a packing. */
export function unpackNumbers(packed: NumberPacking, data: string): number[] {
  const width = packed === 'i32' ? 4 : packed === 'f64' ? 8 : 0
  if (width === 0) throw new Error(`unknown number packing ${JSON.stringify(packed)}`)
  if (typeof data !== 'string') throw new Error('packed numbers must be a base64 string')
  // Decoded into the reused scratch buffer: the numbers are copied out at once below.
  const bytes = scratch(Math.ceil(data.length / 4) * 3)
  const size = bytes.write(data, 'base64')
  if (size % width !== 0) {
    throw new Error(`packed ${packed} numbers: ${size} bytes is not a whole number`)
  }
  const n = size / width
  const view =
    width === 4
      ? new Int32Array(bytes.buffer, bytes.byteOffset, n)
      : new Float64Array(bytes.buffer, bytes.byteOffset, n)
  const out: number[] = new Array<number>(n)
  for (let i = 0; i < n; i++) out[i] = view[i]!
  return out
}

/**
 * On the channel, packed numbers follow their message's JSON after a tab, outside it: the
 * sender does not stringify them, nor the reader parse them (JSON.stringify never writes a raw
 * tab, base64 has none). Such a line ends in base64, never in the `}` that ends a JSON object.
 */
export function lineWithPacked(json: string, data: string): string {
  return json + '\t' + data
}

/** A line's JSON and, if it carries one, its packed data. */
export function splitPacked(line: string): { json: string; data?: string } {
  if (line.charCodeAt(line.length - 1) === 125 /* } */) return { json: line }
  const tab = line.indexOf('\t')
  if (tab < 0) return { json: line }
  return { json: line.slice(0, tab), data: line.slice(tab + 1) }
}
