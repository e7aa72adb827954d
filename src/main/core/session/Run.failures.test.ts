// Whatever throws — the program, its dispose, the sampler, the verdict, a listener — a run
// ends: run.end exactly once, status failed with the error, its processes gone, done settled.
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import type { Monitor } from '../monitor/Monitor'
import { isAlive } from '../procfs'
import type { ScenarioProgram } from '../scenarios/ScenarioProgram'
import { Run } from './Run'
import { newMonitor } from '../../../../test/core/session/testMonitor'
import { testProgram } from '../../../../test/core/session/testProgram'

/** Runs `program` to its end; the events its listener heard and the run. */
async function runToEnd(
  program: ScenarioProgram,
  monitor?: Monitor,
  listen: (e: RunEvent) => void = () => {}
): Promise<{ run: Run; heard: RunEvent[] }> {
  const heard: RunEvent[] = []
  const run = new Run(
    'run-t',
    program,
    {},
    (_r, e) => {
      heard.push(e)
      listen(e)
    },
    monitor
  )
  await run.start().done
  return { run, heard }
}

function expectFailedOnce(run: Run, heard: RunEvent[], message: string): void {
  const ends = heard.filter((e) => e.type === 'run.end')
  expect(ends).toHaveLength(1)
  expect(run.events.slice().filter((e) => e.type === 'run.end')).toHaveLength(1)
  expect(run.events.at(-1)).toMatchObject({
    type: 'run.end',
    status: 'failed',
    error: { message },
    verdict: { passed: false }
  })
  expect(run.status).toBe('failed')
  expect(run.error).toMatchObject({ message })
  expect(run.livePids()).toEqual([])
}

/** A monitor whose watch fails where asked (the rest is the real one). */
function brokenMonitor(where: 'watch' | 'close'): Monitor {
  const real = newMonitor()
  return Object.assign(Object.create(real) as Monitor, {
    watch: (opts: Parameters<Monitor['watch']>[0]) => {
      if (where === 'watch') throw new Error('watch broke')
      const w = real.watch(opts)
      return { ...w, close: () => Promise.reject(new Error('last sample broke')) }
    }
  })
}

describe('a run ends whatever fails', () => {
  it('a verdict that throws: a failed check naming the exception, status failed', async () => {
    const program: ScenarioProgram = {
      ...testProgram(async () => 'done'),
      verdict: () => {
        throw new TypeError('cannot read the events')
      }
    }
    const { run, heard } = await runToEnd(program, newMonitor())
    expectFailedOnce(run, heard, 'cannot read the events')
    expect(run.result).toBe('done')
    expect(run.verdict!.checks).toEqual([
      expect.objectContaining({
        id: 'kit.verdict.threw',
        outcome: 'failed',
        values: { error: 'TypeError', message: 'cannot read the events' }
      })
    ])
  })

  it('dispose throws after the program returned: failed, and the child is gone', async () => {
    let pid = 0
    const { run, heard } = await runToEnd(
      testProgram(async (ctx) => {
        const q = ctx.queue()
        q.close = () => {
          throw new Error('close broke')
        }
        const p = ctx.process({ task: 'burn', args: [50] })
        await p.start()
        pid = p.pid!
        return 1
      })
    )
    expectFailedOnce(run, heard, 'close broke')
    expect(isAlive(pid)).toBe(false)
  })

  it('dispose throws after the program threw: the program’s error is the one kept', async () => {
    const { run, heard } = await runToEnd(
      testProgram(async (ctx) => {
        ctx.queue().close = () => {
          throw new Error('close broke')
        }
        throw new Error('program broke')
      })
    )
    expectFailedOnce(run, heard, 'program broke')
  })

  it('the sampler cannot start: failed, no sample, still one run.end', async () => {
    const { run, heard } = await runToEnd(
      testProgram(async () => 1),
      brokenMonitor('watch')
    )
    expectFailedOnce(run, heard, 'watch broke')
    expect(heard.some((e) => e.type === 'sample')).toBe(false)
  })

  it('the sampler’s last sample throws: failed', async () => {
    const { run, heard } = await runToEnd(
      testProgram(async () => 1),
      brokenMonitor('close')
    )
    expectFailedOnce(run, heard, 'last sample broke')
  })

  it('a listener that throws at run.start and at run.end: done settles, run.end recorded once', async () => {
    const { run, heard } = await runToEnd(
      testProgram(async () => 1),
      undefined,
      (e) => {
        if (e.type === 'run.start' || e.type === 'run.end') throw new Error('face broke')
      }
    )
    expectFailedOnce(run, heard, 'face broke')
  })

  it('stopped while dispose throws: stop resolves, the run is failed with that error', async () => {
    let started!: () => void
    const ready = new Promise<void>((r) => (started = r))
    const run = new Run(
      'run-s',
      testProgram(async (ctx) => {
        ctx.queue().close = () => {
          throw new Error('close broke')
        }
        const p = ctx.process({ task: 'burn', args: [60_000] })
        await p.start()
        started()
        await p.join()
      }),
      {},
      () => {}
    )
    run.start()
    await ready
    const pids = run.livePids()
    await run.stop(300)
    expect(run.status).toBe('failed')
    expect(run.error).toMatchObject({ message: 'close broke' })
    expect(run.events.slice().filter((e) => e.type === 'run.end')).toHaveLength(1)
    for (const pid of pids) expect(isAlive(pid)).toBe(false)
  })
})
