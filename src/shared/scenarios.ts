// The types of the scenario catalogue: ids, parameters (with ranges) and texts in Korean and
// English. Each scenario's entry lives beside its program (src/main/core/scenarios/<id>/spec.ts);
// the renderer gets the catalogue from the API (listScenarios).

export type Lang = 'ko' | 'en'
export type Text = Record<Lang, string>

interface ParamBase {
  name: string
  description: Text
}
export interface NumberParam extends ParamBase {
  type: 'int' | 'number'
  default: number
  min: number
  max: number
}
export interface StringParam extends ParamBase {
  type: 'string'
  default: string
  /** Length bounds. */
  min: number
  max: number
}
export interface EnumParam extends ParamBase {
  type: 'enum'
  default: string
  options: readonly string[]
}
export type ParamSpec = NumberParam | StringParam | EnumParam
export type ParamValue = number | string
export type ParamValues = Record<string, ParamValue>

export interface ScenarioSpec {
  id: string
  title: Text
  /** What the tutorial section teaches. */
  summary: Text
  /** What to look for in the views while it runs. */
  watch: Text
  params: readonly ParamSpec[]
}
