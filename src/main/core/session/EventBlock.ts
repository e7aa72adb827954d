// A sealed block of recorded events, stored by shape and column instead of as objects (about a
// fifth of the memory, and next to nothing for the garbage collector to trace). Per shape each
// key is one column: numbers in an Int32Array (when every value is an int32) or Float64Array,
// booleans in a Uint8Array, repeated strings as StringPool ids, other strings as slices of one
// text per block, and nested values (arrays, objects) as their JSON text there when JSON gives
// them back exactly, else by reference. Null, undefined and `type` are fixed by the shape.
// decode(i) rebuilds the event with its keys in their original order.
import type { RunEvent } from '../../../shared/events'
import type { Shape } from './eventShapes'
import { BOOL, NULL, NUM, OTHER, STR, TYPE, shapeOf } from './eventShapes'
import type { StringPool } from './StringPool'

// Column tags.
const F64 = 0
const I32 = 1
const POOLED = 2
const TEXT = 3
const JSON_TEXT = 4
const BOOLS = 5
const REFS = 6
const CONST = 7

/** Text of a block past which its strings are kept as separate strings, not joined. */
const MAX_JOINED = 1 << 27
/** Nesting kept as JSON text; anything deeper is kept by reference. */
const MAX_DEPTH = 64

class Column {
  constructor(
    readonly tag: number,
    readonly nums: Float64Array | Int32Array | Uint32Array | Uint8Array | undefined,
    /** TEXT/JSON_TEXT: the block text index of row 0 (rows follow in order). */
    readonly base: number,
    readonly refs: readonly unknown[] | undefined,
    readonly value: unknown
  ) {}
}

interface Local {
  readonly shape: Shape
  readonly cols: Column[]
}

export class EventBlock {
  private constructor(
    readonly length: number,
    private readonly locals: readonly Local[],
    /** Per event: its local shape and its row among that shape's events. */
    private readonly shapeAt: Uint16Array,
    private readonly rowAt: Uint16Array,
    private readonly joined: string | undefined,
    private readonly offsets: Uint32Array | undefined,
    private readonly pieces: readonly string[] | undefined,
    private readonly pool: StringPool
  ) {}

  /** Encodes `events` (at most 65,536); they are not kept. */
  static encode(events: readonly object[], pool: StringPool): EventBlock {
    const n = events.length
    if (n > 65536) throw new RangeError(`an event block holds at most 65536 events, not ${n}`)
    const shapeAt = new Uint16Array(n)
    const rowAt = new Uint16Array(n)
    const localOf = new Map<Shape, number>()
    const members: number[][] = []
    const shapes: Shape[] = []
    for (let i = 0; i < n; i++) {
      const shape = shapeOf(events[i]!)
      let li = localOf.get(shape)
      if (li === undefined) {
        li = shapes.length
        localOf.set(shape, li)
        shapes.push(shape)
        members.push([])
      }
      shapeAt[i] = li
      rowAt[i] = members[li]!.length
      members[li]!.push(i)
    }
    const pieces: string[] = []
    const locals = shapes.map((shape, li) => {
      const rows = members[li]!
      const cols = shape.keys.map((key, k) => {
        const values = rows.map((i) => (events[i] as Record<string, unknown>)[key])
        return column(shape.kinds[k]!, values, shape, pool, pieces)
      })
      return { shape, cols }
    })
    let total = 0
    for (const p of pieces) total += p.length
    if (total > MAX_JOINED) {
      return new EventBlock(n, locals, shapeAt, rowAt, undefined, undefined, pieces, pool)
    }
    const offsets = new Uint32Array(pieces.length + 1)
    for (let j = 0; j < pieces.length; j++) offsets[j + 1] = offsets[j]! + pieces[j]!.length
    return new EventBlock(n, locals, shapeAt, rowAt, pieces.join(''), offsets, undefined, pool)
  }

  /** Event i of the block, rebuilt. */
  decode(i: number): RunEvent {
    const { shape, cols } = this.locals[this.shapeAt[i]!]!
    const r = this.rowAt[i]!
    const keys = shape.keys
    const o: Record<string, unknown> = {}
    for (let k = 0; k < keys.length; k++) {
      const v = this.value(cols[k]!, r)
      if (shape.protoKey && keys[k] === '__proto__') {
        Object.defineProperty(o, '__proto__', { value: v, enumerable: true, writable: true })
      } else o[keys[k]!] = v
    }
    return o as RunEvent
  }

  /** Whether any event of the block has this `type`. */
  hasType(type: string): boolean {
    return this.locals.some((l) => l.shape.type === type)
  }

  typeAt(i: number): string | undefined {
    return this.locals[this.shapeAt[i]!]!.shape.type
  }

  private value(c: Column, r: number): unknown {
    switch (c.tag) {
      case F64:
      case I32:
        return c.nums![r]
      case POOLED:
        return this.pool.get(c.nums![r]!)
      case TEXT:
        return this.text(c.base + r)
      case JSON_TEXT:
        return JSON.parse(this.text(c.base + r))
      case BOOLS:
        return c.nums![r] === 1
      case REFS:
        return c.refs![r]
      default:
        return c.value
    }
  }

  private text(j: number): string {
    return this.joined !== undefined
      ? this.joined.slice(this.offsets![j], this.offsets![j + 1])
      : this.pieces![j]!
  }
}

/** One key's column for the rows of one shape. */
function column(
  kind: number,
  values: unknown[],
  shape: Shape,
  pool: StringPool,
  pieces: string[]
): Column {
  switch (kind) {
    case NUM: {
      const nums = values as number[]
      const ints = nums.every((v) => (v | 0) === v && !Object.is(v, -0))
      return new Column(
        ints ? I32 : F64,
        ints ? Int32Array.from(nums) : Float64Array.from(nums),
        0,
        undefined,
        undefined
      )
    }
    case STR: {
      const strs = values as string[]
      // Repeated names are pooled; text that is mostly new each time (output lines) is not.
      if (new Set(strs).size * 4 <= strs.length || strs.length <= 16) {
        return new Column(
          POOLED,
          Uint32Array.from(strs, (s) => pool.id(s)),
          0,
          undefined,
          undefined
        )
      }
      const base = pieces.length
      pieces.push(...strs)
      return new Column(TEXT, undefined, base, undefined, undefined)
    }
    case BOOL:
      return new Column(
        BOOLS,
        Uint8Array.from(values, (v) => (v ? 1 : 0)),
        0,
        undefined,
        undefined
      )
    case OTHER: {
      if (!values.every((v) => jsonExact(v, 0)))
        return new Column(REFS, undefined, 0, values, undefined)
      const base = pieces.length
      for (const v of values) pieces.push(JSON.stringify(v))
      return new Column(JSON_TEXT, undefined, base, undefined, undefined)
    }
    case NULL:
      return new Column(CONST, undefined, 0, undefined, null)
    case TYPE:
      return new Column(CONST, undefined, 0, undefined, shape.type)
    default:
      return new Column(CONST, undefined, 0, undefined, undefined)
  }
}

/** Whether JSON.parse(JSON.stringify(v)) is deep-equal to v (plain data, no -0, no holes). */
function jsonExact(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0)
    case 'object': {
      if (v === null) return true
      if (depth >= MAX_DEPTH) return false
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) return false
        for (let i = 0; i < v.length; i++) if (!jsonExact(v[i], depth + 1)) return false
        return true
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return false
      const o = v as Record<string, unknown>
      for (const k in o) if (!jsonExact(o[k], depth + 1)) return false
      return true
    }
    default:
      return false
  }
}
