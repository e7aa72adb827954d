import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { Process } from '../primitives/Process'
import { childNice, DEFAULT_CHILD_NICE, ENV_CHILD_NICE } from './childNice'

/** The nice value of every thread of `pid` (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNices(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const s = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'latin1')
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16])
  })
}

describe('childNice', () => {
  it('defaults to 10 and reads POOLSCOPE_CHILD_NICE', () => {
    expect(childNice({})).toBe(DEFAULT_CHILD_NICE)
    expect(childNice({ [ENV_CHILD_NICE]: '0' })).toBe(0)
    expect(childNice({ [ENV_CHILD_NICE]: '19' })).toBe(19)
  })

  it('refuses a bad setting, naming the variable and the value', () => {
    for (const bad of ['-1', '20', '2.5', 'low'])
      expect(() => childNice({ [ENV_CHILD_NICE]: bad })).toThrow(
        `${ENV_CHILD_NICE} must be an integer from 0 to 19, got '${bad}'`
      )
  })

  it.runIf(process.platform === 'linux')(
    'a real child and its threads run at the lower priority; the host keeps its own',
    async () => {
      const p = new Process({ task: 'wait', args: [60_000] })
      await p.start()
      try {
        const nices = threadNices(p.pid!)
        expect(nices.length).toBeGreaterThan(1) // Node's own threads are there too
        const expected = Math.min(19, getPriority() + DEFAULT_CHILD_NICE)
        expect(getPriority(p.pid!)).toBe(expected)
        expect(new Set(nices)).toEqual(new Set([expected]))
      } finally {
        p.kill()
        await p.join()
      }
    }
  )
})
