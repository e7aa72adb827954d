// A sealed block of recorded events, stored by shape and column instead of as objects (about a
// sixth of the memory, and next to nothing for the garbage collector to trace). Per shape each
// key is one column: integers in the narrowest of u8, i16, i32 that holds them all, other
// numbers as float64, booleans as bytes, repeated strings as StringPool ids (narrowed the same
// way), other strings as slices of one text per block, lists of numbers or of number records
// among the numbers (numberLists), other nested values as their JSON text when JSON gives them
// back exactly, else by reference. Null, undefined and `type` are fixed by the shape. All of a
// block's numbers share one ArrayBuffer. decode(i) rebuilds the event with its keys in their
// original order (blockDecoder).
import type { RunEvent } from '../../../shared/events'
import type { BlockData, Decoder } from './blockDecoder'
import {
  BOOLS,
  CONST,
  Column,
  F64,
  I16,
  I32,
  JSON_TEXT,
  POOLED,
  POOLED16,
  POOLED8
} from './blockDecoder'
import { REFS, TEXT, U8 } from './blockDecoder'
import { decodersFor } from './blockDecoder'
import type { Shape } from './eventShapes'
import { BOOL, NULL, NUM, OTHER, STR, TYPE, plainWalk, shapeOf, valuesOf } from './eventShapes'
import { jsonExact } from './jsonExact'
import { listLayout, planList, readNumList, readRecList } from './numberLists'
import type { StringPool } from './StringPool'

/** Text of a block past which its strings are kept as separate strings, not joined. */
const MAX_JOINED = 1 << 27

interface Local {
  readonly cols: readonly Column[]
  readonly decode: Decoder
  readonly type: string | undefined
}

export class EventBlock {
  /** Every number of the block lives in one buffer, seen through these views: numeric and
   *  boolean columns (at each Column's base), pooled string ids, and then the text offsets and
   *  per event its local shape and row (one allocation per block, not one per column). */
  readonly f64: Float64Array
  readonly i32: Int32Array
  readonly i16: Int16Array
  readonly u16: Uint16Array
  readonly u8: Uint8Array

  private constructor(
    readonly length: number,
    private readonly locals: readonly Local[],
    buffer: ArrayBuffer,
    counts: Counts,
    private readonly joined: string | undefined,
    private readonly pieces: readonly string[] | undefined,
    private readonly strings: readonly string[]
  ) {
    let at = 0
    const view = <T>(make: (at: number) => T, bytes: number): T => {
      const v = make(at)
      at += bytes
      return v
    }
    this.f64 = view((a) => new Float64Array(buffer, a, counts.f64), counts.f64 * 8)
    this.i32 = view((a) => new Int32Array(buffer, a, counts.i32), counts.i32 * 4)
    this.i16 = view((a) => new Int16Array(buffer, a, counts.i16), counts.i16 * 2)
    this.u16 = view((a) => new Uint16Array(buffer, a, 2 * length), 4 * length)
    this.u8 = new Uint8Array(buffer, at, counts.u8)
    this.textBase = counts.i32 - (pieces ? 0 : counts.texts + 1)
  }

  /** Where the text offsets start in i32. */
  private readonly textBase: number

  /** Encodes `events` (at most 65,536); they are not kept. */
  static encode(events: readonly object[], pool: StringPool): EventBlock {
    const n = events.length
    if (n > 65536) throw new RangeError(`an event block holds at most 65536 events, not ${n}`)
    const shapeAt: number[] = []
    const rowAt: number[] = []
    const localOf = new Map<Shape, number>()
    const shapes: Shape[] = []
    const columns: unknown[][][] = [] // local → key → values, in row order
    const rowCount: number[] = []
    const lastOfType = new Map<unknown, Shape>()
    const scratch: unknown[] = []
    const walk = plainWalk()
    for (let i = 0; i < n; i++) {
      const e = events[i] as Record<string, unknown>
      // Most events have the shape of the last one of their type: checked without allocating.
      let shape = lastOfType.get(e.type)
      let values = scratch
      const plain = walk && Object.getPrototypeOf(e) === Object.prototype
      if (!shape || !plain || !valuesOf(e, shape, scratch)) {
        values = Object.values(e)
        shape = shapeOf(Object.keys(e), values)
        lastOfType.set(e.type, shape)
      }
      let li = localOf.get(shape)
      if (li === undefined) {
        li = shapes.length
        localOf.set(shape, li)
        shapes.push(shape)
        columns.push(shape.keys.map(() => []))
        rowCount.push(0)
      }
      const cols = columns[li]!
      shapeAt.push(li)
      rowAt.push(rowCount[li]!++)
      for (let k = 0; k < cols.length; k++) cols[k]!.push(values[k])
    }
    const counts: Counts = { f64: 0, i32: 0, i16: 0, u8: 0, texts: 0 }
    const pieces: string[] = []
    const plans = shapes.map((shape, li) =>
      columns[li]!.map((values, k) => plan(shape, k, values, counts, pool, pieces))
    )
    let total = 0
    for (const p of pieces) total += p.length
    const joinText = total <= MAX_JOINED
    counts.texts = pieces.length
    if (joinText) counts.i32 += pieces.length + 1
    const bytes = counts.f64 * 8 + counts.i32 * 4 + counts.i16 * 2 + 4 * n + counts.u8
    const block = new EventBlock(
      n,
      plans.map((cols, li): Local => {
        const columns = cols.map((c) => c.column)
        return { cols: columns, ...decodersFor(shapes[li]!, columns), type: shapes[li]!.type }
      }),
      new ArrayBuffer(bytes),
      counts,
      joinText ? pieces.join('') : undefined,
      joinText ? undefined : pieces,
      pool.list
    )
    for (const cols of plans) for (const c of cols) c.fill?.(block)
    for (let i = 0; i < n; i++) {
      block.u16[i] = shapeAt[i]!
      block.u16[n + i] = rowAt[i]!
    }
    if (joinText) {
      const { i32, textBase } = block
      for (let j = 0; j < pieces.length; j++)
        i32[textBase + j + 1] = i32[textBase + j]! + pieces[j]!.length
    }
    return block
  }

  /** Event i of the block, rebuilt. */
  decode(i: number): RunEvent {
    const local = this.locals[this.u16[i]!]!
    return local.decode(local.cols, this.u16[this.length + i]!, this, this.strings)
  }

  /** Whether any event of the block has this `type`. */
  hasType(type: string): boolean {
    return this.locals.some((l) => l.type === type)
  }

  typeAt(i: number): string | undefined {
    return this.locals[this.u16[i]!]!.type
  }

  numList(c: Column, r: number): (number | null)[] {
    return readNumList(this, c, r)
  }

  recList(c: Column, r: number): object[] {
    return readRecList(this, c, r)
  }

  /** Piece j of the block's text (strings and JSON of nested values). */
  text(j: number): string {
    if (this.joined === undefined) return this.pieces![j]!
    const at = this.textBase + j
    return this.joined.slice(this.i32[at], this.i32[at + 1])
  }
}

interface Counts {
  f64: number
  i32: number
  i16: number
  u8: number
  texts: number
}

interface ColumnPlan {
  column: Column
  /** Writes the column's numbers into the block, once it has its buffer. */
  fill: ((block: BlockData) => void) | undefined
}

/** Key k's column for the rows of one shape: its kind of storage and its place in the block. */
function plan(
  shape: Shape,
  k: number,
  values: unknown[],
  counts: Counts,
  pool: StringPool,
  pieces: string[]
): ColumnPlan {
  const fixed = (value: unknown): ColumnPlan => ({
    column: new Column(CONST, 0, undefined, value),
    fill: undefined
  })
  switch (shape.kinds[k]) {
    case NUM:
      return integers(values as number[], counts, I32) ?? floats(values as number[], counts)
    case STR: {
      const strs = values as string[]
      // Repeated names are pooled; text mostly new each time (output lines) is not.
      shape.pooled[k] ??= new Set(strs).size * 4 <= strs.length || strs.length <= 16
      if (shape.pooled[k])
        return integers(
          strs.map((s) => pool.id(s)),
          counts,
          POOLED
        )!
      const base = pieces.length
      for (const str of strs) pieces.push(str)
      return { column: new Column(TEXT, base, undefined, undefined), fill: undefined }
    }
    case BOOL: {
      const base = counts.u8
      counts.u8 += values.length
      const fill = (b: BlockData): void => {
        for (let r = 0; r < values.length; r++) b.u8[base + r] = values[r] ? 1 : 0
      }
      return { column: new Column(BOOLS, base, undefined, undefined), fill }
    }
    case OTHER: {
      const layout = listLayout(values)
      if (layout) return planList(layout, values, counts)
      if (!values.every((v) => jsonExact(v, 0))) {
        return { column: new Column(REFS, 0, values, undefined), fill: undefined }
      }
      const base = pieces.length
      for (const v of values) pieces.push(JSON.stringify(v))
      return { column: new Column(JSON_TEXT, base, undefined, undefined), fill: undefined }
    }
    case NULL:
      return fixed(null)
    case TYPE:
      return fixed(shape.type)
    default:
      return fixed(undefined)
  }
}

/** Integers in the narrowest view that holds them all (u8, i16, i32), with `tag` (I32: a
 *  numeric column, POOLED: string ids) made to say which; undefined if one is not an int32. */
function integers(
  nums: readonly number[],
  counts: Counts,
  tag: typeof I32 | typeof POOLED
): ColumnPlan | undefined {
  let lo = 0
  let hi = 0
  for (const v of nums) {
    if ((v | 0) !== v || (v === 0 && 1 / v < 0)) return undefined
    if (v < lo) lo = v
    else if (v > hi) hi = v
  }
  const view = lo >= 0 && hi <= 255 ? 'u8' : lo >= -32768 && hi <= 32767 ? 'i16' : 'i32'
  const base = counts[view]
  counts[view] += nums.length
  const tags =
    tag === I32 ? { u8: U8, i16: I16, i32: I32 } : { u8: POOLED8, i16: POOLED16, i32: POOLED }
  const fill = (b: BlockData): void => b[view].set(nums, base)
  return { column: new Column(tags[view], base, undefined, undefined), fill }
}

function floats(nums: readonly number[], counts: Counts): ColumnPlan {
  const base = counts.f64
  counts.f64 += nums.length
  const fill = (b: BlockData): void => b.f64.set(nums, base)
  return { column: new Column(F64, base, undefined, undefined), fill }
}
