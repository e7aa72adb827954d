// Parameters several scenarios share, and short ways to write the catalogue's texts.
import type { NumberParam, Text } from '../../../../shared/scenarios'

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

export const d = (en: string, ko: string): Text => ({ en, ko })
export const int = (
  name: string,
  def: number,
  min: number,
  max: number,
  description: Text
): NumberParam => ({
  name,
  type: 'int',
  default: def,
  min,
  max,
  description
})
export const PROCESSES = (def: number): NumberParam =>
  int('processes', def, 1, 256, d('number of child processes', '만들 자식 프로세스 수'))
export const POOL_SIZE = (def: number): NumberParam =>
  int('processes', def, 1, 64, d('number of worker processes in the pool', '풀의 워커 프로세스 수'))
export const PIECES = int(
  'pieces',
  4,
  1,
  100,
  d('pieces each line is written in', '한 줄을 나누어 쓰는 조각 수')
)
export const JITTER = int(
  'jitterMs',
  5,
  0,
  1000,
  d('random pause between pieces, up to this many ms', '조각 사이의 무작위 대기 (최대 ms)')
)
