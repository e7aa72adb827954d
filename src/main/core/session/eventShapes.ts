// The "shape" of a recorded event: its keys in order and what kind of value each holds. Events
// of one shape are stored column by column (EventBlock); the shape alone knows how to rebuild
// them. Shapes are interned in one process-wide trie: the event vocabulary yields a few hundred
// at most, and a run's events reuse them (the schemas strip unknown keys from files).

/** Value kinds. TYPE: the `type` key with a string value, fixed by the shape itself. */
export const NUM = 0
export const STR = 1
export const BOOL = 2
export const NULL = 3
export const UNDEF = 4
export const OTHER = 5
export const TYPE = 6
const KINDS = 7

export interface Shape {
  readonly id: number
  readonly keys: readonly string[]
  readonly kinds: readonly number[]
  /** The `type` value when the shape fixes one. */
  readonly type: string | undefined
  /** Per string key: pool its values (repeated names) or not (text), decided on first sight. */
  readonly pooled: (boolean | undefined)[]
}

interface Node {
  readonly parent: Node | undefined
  readonly key: string
  readonly kind: number
  /** The `type` value for a TYPE node. */
  readonly type: string | undefined
  next: Map<string, (Node | undefined)[]> | undefined
  types: Map<string, Node> | undefined
  shape: Shape | undefined
}

const node = (parent: Node | undefined, key: string, kind: number, type?: string): Node => ({
  parent,
  key,
  kind,
  type,
  next: undefined,
  types: undefined,
  shape: undefined
})

const root = node(undefined, '', -1)
let shapeCount = 0

export function kindOf(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return NUM
    case 'string':
      return STR
    case 'boolean':
      return BOOL
    case 'undefined':
      return UNDEF
    default:
      return v === null ? NULL : OTHER
  }
}

/** The shape of an event given its own enumerable string keys and their values, in order
 *  (Object.keys and Object.values of it). */
export function shapeOf(keys: readonly string[], values: readonly unknown[]): Shape {
  let at = root
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!
    const v = values[k]
    if (key === 'type' && typeof v === 'string') {
      at.types ??= new Map()
      let n = at.types.get(v)
      if (!n) at.types.set(v, (n = node(at, key, TYPE, v)))
      at = n
      continue
    }
    const kind = kindOf(v)
    at.next ??= new Map()
    let byKind = at.next.get(key)
    if (!byKind) at.next.set(key, (byKind = new Array<Node | undefined>(KINDS)))
    at = byKind[kind] ??= node(at, key, kind)
  }
  return (at.shape ??= makeShape(at))
}

function makeShape(leaf: Node): Shape {
  const keys: string[] = []
  const kinds: number[] = []
  let type: string | undefined
  for (let n: Node | undefined = leaf; n && n !== root; n = n.parent) {
    keys.push(n.key)
    kinds.push(n.kind)
    if (n.kind === TYPE) type = n.type
  }
  keys.reverse()
  kinds.reverse()
  return { id: shapeCount++, keys, kinds, type, pooled: [] }
}

/** Whether `event`, a plain object, has exactly `shape` (its keys, in order, and their
 *  kinds); if so its values are written into `into`. A walk with for-in, which allocates
 *  nothing; for-in also lists inherited enumerable keys, so the caller makes sure that a plain
 *  object has none (plainWalk). */
/** Whether for-in over a plain object lists exactly its own keys (Object.prototype has no
 *  enumerable property). */
export function plainWalk(): boolean {
  return Object.keys(Object.prototype).length === 0
}

export function valuesOf(event: object, shape: Shape, into: unknown[]): boolean {
  const o = event as Record<string, unknown>
  const { keys, kinds } = shape
  let k = 0
  for (const key in o) {
    if (key !== keys[k]) return false
    const v = o[key]
    if (kinds[k] === TYPE ? v !== shape.type : kindOf(v) !== kinds[k]) return false
    into[k++] = v
  }
  return k === keys.length
}
