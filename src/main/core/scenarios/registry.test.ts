import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { programs } from './registry'

const folders = readdirSync(__dirname, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(__dirname, d.name, 'spec.ts')))
  .map((d) => d.name)

describe('scenario registry', () => {
  it('has a program for each scenario folder, under its spec id, the nine tutorial ones included', () => {
    expect([...programs.keys()].sort()).toEqual(folders.sort())
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

  it('each verdict imports no program code, so any runtime of the scenario can feed it', () => {
    const programSide =
      /program|ScenarioProgram|programKit|kit\/writers'|primitives\/|pool\/|child\//
    for (const id of folders) {
      const text = readFileSync(join(__dirname, id, 'verdict.ts'), 'utf8')
      const from = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!)
      expect(from.length, id).toBeGreaterThan(0)
      expect(
        from.filter((f) => programSide.test(f)),
        id
      ).toEqual([])
    }
  })
})
