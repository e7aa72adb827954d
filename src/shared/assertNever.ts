/** The default of an exhaustive switch: a new case fails to compile until it is handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`)
}
