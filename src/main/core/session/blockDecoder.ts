// Rebuilding events from an EventBlock's columns. Each (shape, column layout) gets one decoder
// compiled from an object literal, so that V8 creates every event of a shape with one hidden
// class in one allocation; keys are written as JSON string literals (no event text is ever code),
// and `__proto__` as a computed key, which defines the property instead of setting a prototype.
import type { RunEvent } from '../../../shared/events'
import type { Shape } from './eventShapes'

// Column tags.
export const F64 = 0
export const I32 = 1
export const POOLED = 2
export const TEXT = 3
export const JSON_TEXT = 4
export const BOOLS = 5
export const REFS = 6
export const CONST = 7
export const NUM_LIST = 8
export const REC_LIST = 9
export const I16 = 10
export const U8 = 11
export const POOLED16 = 12
export const POOLED8 = 13

export class Column {
  constructor(
    readonly tag: number,
    /** Where row 0 is: in the block's f64 (F64), i32 (I32, POOLED), i16 (I16, POOLED16) or u8
     *  (U8, POOLED8, BOOLS) numbers, or its text pieces (TEXT, JSON_TEXT); rows follow. */
    readonly base: number,
    readonly refs: readonly unknown[] | undefined,
    /** CONST: the value of every row; REC_LIST: the record constructor. */
    readonly value: unknown,
    /** NUM_LIST, REC_LIST: where the elements' numbers and null flags start (numberLists). */
    readonly list?: { fbase: number; ubase: number; width: number }
  ) {}
}

/** What a decoder reads of a block. */
export interface BlockData {
  readonly f64: Float64Array
  readonly i32: Int32Array
  readonly i16: Int16Array
  readonly u8: Uint8Array
  text(j: number): string
  numList(c: Column, r: number): (number | null)[]
  recList(c: Column, r: number): object[]
}

export type Decoder = (
  cols: readonly Column[],
  row: number,
  block: BlockData,
  strings: readonly string[]
) => RunEvent

export interface Decoders {
  decode: Decoder
}

const compiled = new Map<string, Decoders>()

export function decodersFor(shape: Shape, cols: readonly Column[]): Decoders {
  const layout = `${shape.id}:${cols.map((c) => c.tag).join('')}`
  let d = compiled.get(layout)
  if (!d) compiled.set(layout, (d = compile(shape, cols)))
  return d
}

function compile(shape: Shape, cols: readonly Column[]): Decoders {
  const fields = shape.keys.map((key, k) => {
    const name = key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key)
    return `${name}: ${expression(cols[k]!, k)}`
  })
  const decode = new Function('c', 'r', 'b', 's', `return { ${fields.join(', ')} }`) as Decoder
  return { decode }
}

function expression(col: Column, k: number): string {
  switch (col.tag) {
    case F64:
      return `b.f64[c[${k}].base + r]`
    case I32:
      return `b.i32[c[${k}].base + r]`
    case I16:
      return `b.i16[c[${k}].base + r]`
    case U8:
      return `b.u8[c[${k}].base + r]`
    case POOLED:
      return `s[b.i32[c[${k}].base + r]]`
    case POOLED16:
      return `s[b.i16[c[${k}].base + r]]`
    case POOLED8:
      return `s[b.u8[c[${k}].base + r]]`
    case TEXT:
      return `b.text(c[${k}].base + r)`
    case JSON_TEXT:
      return `JSON.parse(b.text(c[${k}].base + r))`
    case BOOLS:
      return `b.u8[c[${k}].base + r] === 1`
    case REFS:
      return `c[${k}].refs[r]`
    case NUM_LIST:
      return `b.numList(c[${k}], r)`
    case REC_LIST:
      return `b.recList(c[${k}], r)`
    default:
      return `c[${k}].value`
  }
}
