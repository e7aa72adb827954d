// Validation of scenario parameters, shared by the CLI (`--set name=value`, strings), the UI
// form and the API (numbers). Errors name the parameter and the rule it breaks.
import type { ParamSpec, ParamValue, ParamValues, ScenarioSpec } from './scenarios'

export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string
  ) {
    super(message)
    this.name = 'ParamError'
  }
}

/** Checks one value against its spec; `raw` may be a string (from a CLI or a form field). */
export function parseParam(spec: ParamSpec, raw: unknown): ParamValue {
  const where = `parameter '${spec.name}'`
  switch (spec.type) {
    case 'int':
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        throw new ParamError(spec.name, `${where} must be a number, got ${show(raw)}`)
      }
      if (spec.type === 'int' && !Number.isInteger(n)) {
        throw new ParamError(spec.name, `${where} must be a whole number, got ${show(raw)}`)
      }
      if (n < spec.min || n > spec.max) {
        throw new ParamError(
          spec.name,
          `${where} must be between ${spec.min} and ${spec.max}, got ${n}`
        )
      }
      return n
    }
    case 'string': {
      if (typeof raw !== 'string')
        throw new ParamError(spec.name, `${where} must be text, got ${show(raw)}`)
      if (raw.length < spec.min || raw.length > spec.max) {
        throw new ParamError(
          spec.name,
          `${where} must be ${spec.min}–${spec.max} characters long, got ${raw.length}`
        )
      }
      return raw
    }
    case 'enum': {
      if (typeof raw !== 'string' || !spec.options.includes(raw)) {
        throw new ParamError(
          spec.name,
          `${where} must be one of ${spec.options.join(', ')}, got ${show(raw)}`
        )
      }
      return raw
    }
  }
}

/** Fills defaults and checks every given value; unknown names are errors, not ignored. */
export function parseParams(scenario: ScenarioSpec, given: Record<string, unknown>): ParamValues {
  const out: ParamValues = {}
  for (const name of Object.keys(given)) {
    if (!scenario.params.some((p) => p.name === name)) {
      const known = scenario.params.map((p) => p.name).join(', ')
      throw new ParamError(
        name,
        `unknown parameter '${name}' for scenario '${scenario.id}' (known: ${known})`
      )
    }
  }
  for (const spec of scenario.params) {
    out[spec.name] = Object.hasOwn(given, spec.name)
      ? parseParam(spec, given[spec.name])
      : spec.default
  }
  return out
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v)
  return s.length > 40 ? s.slice(0, 40) + '…' : s
}
