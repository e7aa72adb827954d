// Nested values that are lists of numbers (a sample's CPU per core) or lists of flat records of
// numbers (a sample's processes), stored among a block's numbers instead of as JSON text and
// rebuilt without JSON.parse (an export reads every sample twice). Nulls are flagged in u8;
// numbers keep every bit in f64 (-0, NaN). Per row, i32 holds where its elements start.
import type { BlockData } from './blockDecoder'
import { Column, NUM_LIST, REC_LIST } from './blockDecoder'

export interface NumberCounts {
  f64: number
  i32: number
  u8: number
}

type Maker = (f: Float64Array, m: Uint8Array, i: number, j: number) => object

/** 'nums' when every value is a plain array of numbers and nulls; the element keys when every
 *  value is a plain array of plain objects with those keys, in that order, holding numbers and
 *  nulls; else undefined (the value is kept another way). */
export function listLayout(values: readonly unknown[]): 'nums' | string[] | undefined {
  let keys: string[] | undefined
  let sawNumber = false // numbers (or nulls) and records never share a column
  for (const v of values) {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return undefined
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i]
      if (x === null || typeof x === 'number') {
        if (keys) return undefined
        sawNumber = true
        continue
      }
      if (sawNumber) return undefined
      if (typeof x !== 'object' || Object.getPrototypeOf(x) !== Object.prototype) return undefined
      keys ??= Object.keys(x)
      if (keys.length === 0 || keys.includes('__proto__') || !sameRecord(x, keys)) return undefined
    }
  }
  return keys ?? 'nums'
}

function sameRecord(x: object, keys: readonly string[]): boolean {
  let k = 0
  for (const key in x) {
    if (key !== keys[k++]) return false
    const v = (x as Record<string, unknown>)[key]
    if (v !== null && typeof v !== 'number') return false
  }
  return k === keys.length
}

/** The column of `values` (laid out as listLayout said) and how to write it into its block. */
export function planList(
  layout: 'nums' | string[],
  values: readonly unknown[],
  counts: NumberCounts
): { column: Column; fill: (b: BlockData) => void } {
  const lists = values as readonly (readonly unknown[])[]
  const width = layout === 'nums' ? 1 : layout.length
  let elements = 0
  for (const l of lists) elements += l.length
  const base = counts.i32
  const fbase = counts.f64
  const ubase = counts.u8
  counts.i32 += lists.length + 1
  counts.f64 += elements * width
  counts.u8 += elements * width
  const maker = layout === 'nums' ? undefined : makerFor(layout)
  const column = new Column(layout === 'nums' ? NUM_LIST : REC_LIST, base, undefined, maker, {
    fbase,
    ubase,
    width
  })
  const fill = (b: BlockData): void => {
    let at = 0 // elements so far
    for (let r = 0; r < lists.length; r++) {
      b.i32[base + r] = at
      for (const x of lists[r]!) {
        const o = at * width
        if (layout === 'nums') put(b, fbase + o, ubase + o, x)
        else
          for (let k = 0; k < width; k++)
            put(b, fbase + o + k, ubase + o + k, (x as Record<string, unknown>)[layout[k]!])
        at++
      }
    }
    b.i32[base + lists.length] = at
  }
  return { column, fill }
}

function put(b: BlockData, f: number, u: number, x: unknown): void {
  if (x === null) b.u8[u] = 1
  else b.f64[f] = x as number
}

export function readNumList(b: BlockData, c: Column, r: number): (number | null)[] {
  const from = b.i32[c.base + r]!
  const to = b.i32[c.base + r + 1]!
  const { fbase, ubase } = c.list!
  const out: (number | null)[] = []
  for (let j = from; j < to; j++) out.push(b.u8[ubase + j] === 1 ? null : b.f64[fbase + j]!)
  return out
}

export function readRecList(b: BlockData, c: Column, r: number): object[] {
  const from = b.i32[c.base + r]!
  const to = b.i32[c.base + r + 1]!
  const { fbase, ubase, width } = c.list!
  const make = c.value as Maker
  const out: object[] = []
  for (let e = from; e < to; e++) out.push(make(b.f64, b.u8, fbase + e * width, ubase + e * width))
  return out
}

const makers = new Map<string, Maker>()

/** One record constructor per key list (keys as JSON string literals: no data is code). */
function makerFor(keys: readonly string[]): Maker {
  const id = JSON.stringify(keys)
  let make = makers.get(id)
  if (!make) {
    const fields = keys.map(
      (key, k) => `${JSON.stringify(key)}: m[j + ${k}] === 1 ? null : f[i + ${k}]`
    )
    make = new Function('f', 'm', 'i', 'j', `return { ${fields.join(', ')} }`) as Maker
    makers.set(id, make)
  }
  return make
}
