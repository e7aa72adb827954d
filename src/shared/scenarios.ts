// The scenario catalogue: ids, parameters (with ranges) and texts in Korean and English.
// Types and constants only; the programs live in src/main/core/scenarios.

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

/** Every scenario takes `pace`: >1 stretches its steps so a person can follow them. */
export const PACE_PARAM: NumberParam = {
  name: 'pace',
  type: 'number',
  default: 1,
  min: 0.1,
  max: 100,
  description: {
    ko: '느린 재생 배율 (1 = 실제 속도, 10 = 단계마다 10배 느리게)',
    en: 'slow-motion factor (1 = as fast as it runs, 10 = each step 10x slower)'
  }
}

export const SCENARIOS: readonly ScenarioSpec[] = [
  {
    id: 'hello',
    title: { ko: '안녕, 프로세스', en: 'Hello, process' },
    summary: {
      ko: '호스트가 자식 프로세스 하나를 만들고, 자식은 자신의 PID와 부모 PID를 출력한 뒤 종료합니다.',
      en: 'The host forks one child; the child prints its PID and its parent PID, then exits.'
    },
    watch: {
      ko: '자식의 PPID가 호스트의 PID와 같은지 확인하세요. `ps`로 직접 확인할 수 있는 실제 PID입니다.',
      en: "Check that the child's PPID is the host's PID. These are real PIDs you can check with `ps`."
    },
    params: [PACE_PARAM]
  }
]

export function findScenario(id: string): ScenarioSpec | undefined {
  return SCENARIOS.find((s) => s.id === id)
}
