// CSV never drops a field silently: driven by the event schema, so a new event type or field
// fails here until the CSV export carries it. For every event type, every leaf field is changed
// on its own, and the CSV text must change with it.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { RunEvent } from '../../../shared/events'
import { RunEventSchema } from '../../../shared/events'
import { syntheticTraceHead } from '../../../../test/core/trace/syntheticTrace'
import { csvCombinedText, csvTableText, CSV_TABLES } from './csvTrace'

type Schema = z.ZodType & { def: { type: string }; unwrap?: () => Schema }
type Path = (string | number)[]

/** A value of `s`: variant 0, or 1 (different wherever the schema allows two values). */
function value(s: Schema, v: 0 | 1): unknown {
  const any = s as unknown as {
    def: { type: string; values?: unknown[]; element?: Schema; in?: Schema; options?: Schema[] }
    options?: string[]
    shape?: Record<string, Schema>
    unwrap(): Schema
  }
  switch (any.def.type) {
    case 'string':
      return v ? 'second' : 'first'
    case 'number':
      return v ? 9 : 7
    case 'boolean':
      return v === 1
    case 'enum':
      return any.options![Math.min(v, any.options!.length - 1)]
    case 'literal':
      return any.def.values![0]
    case 'optional':
      return value(any.unwrap(), v)
    case 'nullable':
      return v ? null : value(any.unwrap(), 0)
    case 'object':
      return Object.fromEntries(Object.entries(any.shape!).map(([k, f]) => [k, value(f, v)]))
    case 'array':
      return [value(any.def.element!, v)]
    case 'record':
    case 'unknown':
      return v ? { k: 'second' } : { k: 'first' }
    // a schema that reads old shapes too (a check, a verdict): the current shape
    case 'pipe':
      return value(any.def.in!, v)
    case 'union':
      return value(any.def.options![0]!, v)
    default:
      throw new Error(`csvFields.test: no sample value for a zod ${any.def.type}`)
  }
}

/** Every leaf of `s` (objects and arrays are walked into) with the schema at that leaf. */
function leaves(s: Schema, path: Path = []): [Path, Schema][] {
  const any = s as unknown as {
    def: { type: string; element?: Schema; in?: Schema; options?: Schema[] }
    shape?: Record<string, Schema>
    unwrap(): Schema
  }
  switch (any.def.type) {
    case 'optional':
      return leaves(any.unwrap(), path)
    case 'pipe':
      return leaves(any.def.in!, path)
    case 'union':
      // a check: its current shape (ids and figures); old traces' shape is read, not written
      return any.def.options![0]!.def.type === 'object'
        ? leaves(any.def.options![0]!, path)
        : [[path, s]]
    case 'object':
      return Object.entries(any.shape!).flatMap(([k, f]) => leaves(f, [...path, k]))
    case 'array':
      return leaves(any.def.element!, [...path, 0])
    default:
      return [[path, s]]
  }
}

function setAt(obj: unknown, path: Path, v: unknown): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>
  let at = copy
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>
  at[path.at(-1)!] = v
  return copy
}

function csvOf(e: unknown): string {
  const doc = { ...syntheticTraceHead(), events: [e as RunEvent] }
  const tables = CSV_TABLES.map((t) => [...csvTableText(doc, t)].join(''))
  return [[...csvCombinedText(doc)].join(''), ...tables].join('\n---\n')
}

const members = (RunEventSchema as unknown as { options: Schema[] }).options
const cases = members.flatMap((m) => {
  const typeSchema = (m as unknown as { shape: { type: { options?: string[] } } }).shape.type
  const types = typeSchema.options ?? [value(m, 0) as { type: string }].map((e) => e.type)
  return types.map((type) => [type, m] as const)
})

describe('CSV carries every field of every event type', () => {
  it('covers every event type of the schema', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24)
  })

  it.each(cases)('%s', (type, schema) => {
    const base = { ...(value(schema, 0) as object), type }
    expect(RunEventSchema.safeParse(base).success).toBe(true)
    const text = csvOf(base)
    const dropped: string[] = []
    for (const [path, leaf] of leaves(schema)) {
      if (path[0] === 'type') continue
      const other = setAt(base, path, value(leaf, 1))
      if (JSON.stringify(other) === JSON.stringify(base)) continue // one possible value only
      expect(RunEventSchema.safeParse(other).success).toBe(true)
      if (csvOf(other) === text) dropped.push(path.join('.'))
    }
    expect(dropped, `fields of ${type} the CSV does not show`).toEqual([])
  })
})
