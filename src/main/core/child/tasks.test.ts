import { describe, expect, it } from 'vitest'
import { Process } from '../primitives/Process'
import { hasTask, mergeTasks } from './tasks'

describe('task registry', () => {
  it('holds the core tasks and the scenarios’ tasks, runnable in a child', async () => {
    for (const name of ['hello', 'square', 'greet', 'printLine', 'pipeCount', 'crunch']) {
      expect(hasTask(name)).toBe(true)
    }
    expect(hasTask('toString')).toBe(false)
    const p = new Process({ task: 'crunch', args: [1000] })
    await p.start()
    await p.join()
    expect(p.error).toBeUndefined()
    expect(typeof p.result).toBe('number')
  })

  it('refuses a task name that two groups define', () => {
    const a = { same: () => 1 }
    expect(() => mergeTasks(a, { other: () => 2 })).not.toThrow()
    expect(() => mergeTasks(a, { same: () => 3 })).toThrow("task 'same' is defined twice")
  })
})
