import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { programs } from './registry'

describe('scenario registry', () => {
  it('has a program for every scenario of the catalogue, the nine tutorial ones included', () => {
    expect([...programs.keys()].sort()).toEqual(SCENARIOS.map((s) => s.id).sort())
    for (const id of [
      'process',
      'queue',
      'pipe',
      'mix',
      'lock',
      'pool-apply',
      'pool-map',
      'gil',
      'pipe-vs-queue'
    ]) {
      const spec = programs.get(id)?.spec
      expect(spec?.id).toBe(id)
      expect(spec?.params.some((p) => p.name === 'pace')).toBe(true)
      expect(spec?.title.ko && spec.title.en && spec.summary.ko && spec.watch.en).toBeTruthy()
    }
  })
})
