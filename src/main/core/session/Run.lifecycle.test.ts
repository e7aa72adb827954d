import { describe, expect, it } from 'vitest'
import type { EventOf, RunEvent } from '../../../shared/events'
import { isAlive } from '../procfs'
import { Run } from './Run'
import type { RunEventListener } from './RunHandle'
import { newMonitor } from '../../../../test/core/session/testMonitor'
import { testProgram } from '../../../../test/core/session/testProgram'
import { NO_POSIX_SIGNALS } from '../../../../test/platforms'

/** Resolves once `n` events of `type` were recorded by the run. */
function recorded(
  type: RunEvent['type'],
  n: number
): {
  listener: RunEventListener
  reached: Promise<void>
} {
  let count = 0
  let reach!: () => void
  const reached = new Promise<void>((r) => (reach = r))
  return {
    listener: (_run, e) => {
      if (e.type === type && ++count === n) reach()
    },
    reached
  }
}

describe('Run status lifecycle', () => {
  it('finished: the program returned; result and run.end say so', async () => {
    const run = new Run(
      'run-f',
      testProgram(async () => 42),
      {},
      () => {},
      newMonitor()
    )
    expect(run.start().status).toBe('running')
    await run.done
    expect(run.status).toBe('finished')
    expect(run.result).toBe(42)
    expect(run.events.at(-1)).toMatchObject({ type: 'run.end', status: 'finished', result: 42 })
    expect(run.info()).toMatchObject({ id: 'run-f', status: 'finished', hostPid: process.pid })
  })

  it('failed: the program threw; the error is kept and its processes are ended', async () => {
    let pid = 0
    const run = new Run(
      'run-x',
      testProgram(async (ctx) => {
        const p = ctx.process({ task: 'burn', args: [60_000] })
        await p.start()
        pid = p.pid!
        throw new Error('scenario broke')
      }),
      {},
      () => {}
    )
    await run.start().done
    expect(run.status).toBe('failed')
    expect(run.error).toMatchObject({ message: 'scenario broke' })
    expect(run.events.at(-1)).toMatchObject({ type: 'run.end', status: 'failed' })
    expect(isAlive(pid)).toBe(false)
  })

  it.skipIf(NO_POSIX_SIGNALS)(
    `stop: stopping, then SIGTERM, then SIGKILL for a child that ignores it; stopped, nothing survives${NO_POSIX_SIGNALS}`,
    async () => {
      // the children say so once the task (and its SIGTERM handler) is on
      const ready = recorded('stdout', 2)
      const run = new Run(
        'run-stop',
        testProgram(async (ctx) => {
          const polite = ctx.process({ task: 'burn', args: [60_000], name: 'polite' })
          const stubborn = ctx.process({ task: 'burn', args: [60_000, true], name: 'stubborn' })
          await Promise.all([polite.start(), stubborn.start()])
          await Promise.all([polite.join(), stubborn.join()])
          return 'should not get here normally'
        }),
        {},
        ready.listener,
        newMonitor()
      )
      run.start()
      await ready.reached
      const pids = run.livePids()
      expect(pids).toHaveLength(2)
      const stopping = run.stop(300)
      expect(run.status).toBe('stopping')
      await stopping
      expect(run.status).toBe('stopped')
      for (const pid of pids) expect(isAlive(pid)).toBe(false)
      const exits = run.events
        .slice()
        .filter((e): e is EventOf<'proc.exit'> => e.type === 'proc.exit')
      expect(exits.map((e) => e.signal).sort()).toEqual(['SIGKILL', 'SIGTERM'])
      const end = run.events.at(-1)
      expect(end).toMatchObject({ type: 'run.end', status: 'stopped', verdict: { passed: false } })
      // sampling stopped with the run: its last sample came just before run.end
      expect(run.events.at(-2)?.type).toBe('sample')
      expect(run.sampling!.rows().map((r) => r.pid)).toEqual([process.pid])
      // stopping again is harmless
      await run.stop()
      expect(run.status).toBe('stopped')
    }
  )
})
