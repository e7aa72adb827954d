// Whether a nested value can be kept as JSON text and given back exactly.

/** Nesting kept as JSON text; anything deeper is kept by reference. */
const MAX_DEPTH = 64

/** Whether JSON.parse(JSON.stringify(v)) is deep-equal to v (plain data, no -0, no holes). */
export function jsonExact(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(v) && !(v === 0 && 1 / v < 0)
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
