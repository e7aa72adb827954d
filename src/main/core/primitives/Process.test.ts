import { describe, expect, it } from 'vitest'
import type { UnstampedEvent } from '../../../shared/events'
import { isAlive } from '../procfs'
import { Process, rootError } from './Process'

describe('Process', () => {
  it('runs a named task in a real child whose parent is this process', async () => {
    const events: UnstampedEvent[] = []
    const p = new Process({ task: 'hello', sink: (e) => events.push(e) })
    await p.start()
    expect(p.pid).toBeGreaterThan(0)
    expect(p.pid).not.toBe(process.pid)
    expect(await p.join()).toBe(true)
    expect(p.isAlive()).toBe(false)
    expect(p.exitCode).toBe(0)
    expect(p.result).toEqual({ pid: p.pid, ppid: process.pid })
    expect(isAlive(p.pid!)).toBe(false)
    const types = events.map((e) => e.type)
    expect(types).toEqual(['proc.spawn', 'proc.ready', 'stdout', 'proc.exit'])
    expect(events[2]).toMatchObject({
      type: 'stdout',
      pid: p.pid,
      text: `hello from pid ${p.pid}, parent pid ${process.pid}\n`
    })
  })

  it('refuses an unknown task name, naming it', () => {
    expect(() => new Process({ task: 'no-such-task' })).toThrow(/unknown task name "no-such-task"/)
  })

  it('refuses arguments that JSON cannot carry, naming the argument', () => {
    expect(() => new Process({ task: 'hello', args: [1, () => 2] })).toThrow(
      'args[1] is not JSON-serialisable'
    )
    expect(() => new Process({ task: 'hello', args: [{ a: NaN }] })).toThrow(
      'args[0].a is not JSON-serialisable'
    )
  })

  it('refuses a negative join timeout', async () => {
    const p = new Process({ task: 'hello' })
    await p.start()
    await expect(p.join(-1)).rejects.toThrow(/timeoutMs must be a non-negative/)
    await p.join()
  })

  it('kill() ends a live child with SIGKILL', async () => {
    const p = new Process({ task: 'hello' })
    await p.start()
    p.kill()
    await p.join()
    // The child may finish its tiny task before the signal lands: either way it is gone.
    expect(p.isAlive()).toBe(false)
    expect(p.exitCode === 0 || p.signal === 'SIGKILL').toBe(true)
  })
  it('killed before its task returned: error names the pid, the exit code and the signal', async () => {
    const p = new Process({ task: 'wait', args: [60_000], name: 'sleeper' })
    await p.start()
    process.kill(p.pid!, 'SIGKILL')
    await p.join()
    expect(p.died).toBe(true)
    expect(p.error?.message).toBe(
      `process 'sleeper' (pid ${p.pid}) exited before its task returned: exit code null, signal SIGKILL`
    )
    expect(rootError([new Process({ task: 'hello' }), p])).toBe(p.error)
  })
})
