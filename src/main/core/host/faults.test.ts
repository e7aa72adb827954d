// Fault tests on real runs: a process of a live run is killed with SIGKILL from outside (as
// `kill -9` would), and the run must go on or end with a clear status, say who died and how,
// record it in its events and exports, and leave no process behind.
import { checkWords } from '../../../shared/checkTexts'
import { CHECK_TEXTS } from '../scenarios/checkTexts'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventOf, RunEvent } from '../../../shared/events'
import type { Run } from '../session/Run'
import type { EventWith } from '../scenarios/kit/verdictKit'
import { PoolScopeService } from './PoolScopeService'
import {
  chromeExit,
  expectNothingLeft,
  exportBoth,
  waitForEvent
} from '../../../../test/core/host/faultKit'

let service: PoolScopeService | undefined
afterEach(async () => {
  await service?.shutdown()
  service = undefined
})

function start(scenario: string, params: Record<string, unknown>): Run {
  service = new PoolScopeService()
  return service.startRun(scenario, params)
}

function kill9(pid: number): void {
  process.kill(pid, 'SIGKILL')
}

/** The victim's exit as recorded, and as the native and Chrome exports hold it. */
async function expectKilledRecorded(run: Run, pid: number): Promise<void> {
  const exit = { type: 'proc.exit', pid, code: null, signal: 'SIGKILL' }
  expect(run.events).toContainEqual(expect.objectContaining(exit))
  const { native, chrome } = await exportBoth(service!, run)
  expect(native).toContainEqual(expect.objectContaining(exit))
  expect(native.at(-1)).toMatchObject({ type: 'run.end', status: run.status })
  expect(chromeExit(chrome, pid)?.args).toEqual({ code: null, signal: 'SIGKILL' })
}

/** What the failed check `id` observed, in English (as the CLI prints it). */
function failedCheck(run: Run, id: string): string {
  const c = run.verdict?.checks.find((x) => x.id === id)
  expect(c, `a check '${id}'`).toBeDefined()
  expect(c!.outcome).toBe('failed')
  return checkWords(c!, CHECK_TEXTS, 'en').observed
}

describe('kill -9 during a run', () => {
  it('a pool worker mid-task: the task fails naming pid, code and signal; the run fails with that error', async () => {
    // 6 items on 2 workers, chunksize 1, 1.5 s of CPU each: the first task is surely running.
    const run = start('pool-map', { processes: 2, items: 6, taskMs: 1500 })
    const begun = await waitForEvent<EventOf<'task.start'>>(run, (e) => e.type === 'task.start')
    const victim = begun.worker
    kill9(victim)
    await run.done

    const why = new RegExp(
      `worker pid ${victim} exited while running task ${begun.task} .*: exit code null, signal SIGKILL`
    )
    expect(run.status).toBe('failed')
    expect(run.error?.message).toMatch(why)
    const end = run.events
      .slice()
      .find((e): e is EventOf<'task.end'> => e.type === 'task.end' && e.task === begun.task)
    expect(end).toMatchObject({ worker: victim, ok: false })
    expect(end!.error).toMatch(why)
    expect(run.events.at(-1)).toMatchObject({ type: 'run.end', status: 'failed' })
    expect((run.events.at(-1) as EventOf<'run.end'>).error?.message).toMatch(why)
    await expectKilledRecorded(run, victim)
    const { chrome } = await exportBoth(service!, run)
    expect(chrome.some((e) => String(e.args?.error ?? '').match(why))).toBe(true)
    expectNothingLeft(run)
  })

  it('a Process child: the others still run, the run finishes and its verdict names the pid and signal', async () => {
    // pace 3: the first child lingers ~1.8 s after the start gate opens.
    const run = start('process', { processes: 3, join: 'all', pace: 3 })
    const first = await waitForEvent<EventOf<'proc.spawn'>>(run, (e) => e.type === 'proc.spawn')
    await waitForEvent(run, (e) => e.type === 'log' && e.text.includes('opening the start gate'))
    kill9(first.pid)
    await run.done

    expect(run.status).toBe('finished')
    expect(run.verdict?.passed).toBe(false)
    expect(failedCheck(run, 'kit.exited.child')).toBe(`pid ${first.pid}: killed by SIGKILL`)
    // the two others ran to their end
    const others = run.events
      .slice()
      .filter((e): e is EventOf<'proc.exit'> => e.type === 'proc.exit' && e.pid !== first.pid)
    expect(others.map((e) => e.code)).toEqual([0, 0])
    await expectKilledRecorded(run, first.pid)
    expectNothingLeft(run)
  })

  it.each(['sender', 'receiver'] as const)(
    'a pipe end (the %s): the run fails with an error naming its pid, code and signal',
    async (role) => {
      // pace 2: the sender waits 400 ms before each of its 50 sends (20 s in all).
      const run = start('pipe', { count: 50, pace: 2 })
      const victim = await waitForEvent<EventOf<'proc.spawn'>>(
        run,
        (e) => e.type === 'proc.spawn' && e.role === role
      )
      await waitForEvent(run, (e) => e.type === 'pipe.send')
      kill9(victim.pid)
      const t0 = performance.now()
      await run.done
      // The other end notices (EOF, or a broken pipe) instead of sending on into the void.
      expect(performance.now() - t0).toBeLessThan(10_000)
      expect(run.status).toBe('failed')
      expect(run.error?.message).toMatch(
        new RegExp(`pid ${victim.pid}\\b.*exit code null, signal SIGKILL`)
      )
      await expectKilledRecorded(run, victim.pid)
      expect(run.events).toContainEqual(
        expect.objectContaining({ type: 'pipe.close', pid: victim.pid })
      )
      expectNothingLeft(run)
    }
  )

  it('a lock holder: its hold is released as abandoned, the next writer gets the lock, the verdict names the pid', async () => {
    // jitter 1000 ms between 4 pieces: a holder keeps the lock for about 1.5 s.
    const run = start('lock', { processes: 2, pieces: 4, jitterMs: 1000 })
    const acquired = await waitForEvent<EventWith<'lock.acquire'>>(
      run,
      (e) => e.type === 'lock.acquire' && e.lock === 'lock'
    )
    kill9(acquired.pid)
    await run.done

    const i = run.events
      .slice()
      .findIndex((e) => e.type === 'lock.release' && e.pid === acquired.pid && e.abandoned === true)
    expect(i, 'abandoned release of the killed holder').toBeGreaterThan(-1)
    // No ordinary release by the victim: it died holding the lock.
    expect(
      run.events.slice().filter((e) => e.type === 'lock.release' && e.pid === acquired.pid)
    ).toHaveLength(1)
    const next = run.events
      .slice(i)
      .find((e): e is EventWith<'lock.acquire'> => e.type === 'lock.acquire')
    expect(next, 'the other writer got the lock after the abandoned release').toBeDefined()
    expect(next!.pid).not.toBe(acquired.pid)
    expect(run.status).toBe('finished')
    expect(run.verdict?.passed).toBe(false)
    expect(failedCheck(run, 'kit.exited.writer')).toContain(
      `pid ${acquired.pid}: killed by SIGKILL`
    )
    expect(failedCheck(run, 'kit.writers.whole')).toBe(`incomplete: pid ${acquired.pid}`)
    await expectKilledRecorded(run, acquired.pid)
    const { native, chrome } = await exportBoth(service!, run)
    expect(native[i]).toMatchObject({ type: 'lock.release', pid: acquired.pid, abandoned: true })
    expect(
      chrome.find(
        (e) => e.name === 'release lock' && e.pid === acquired.pid && e.args?.abandoned === true
      )
    ).toBeDefined()
    expectNothingLeft(run)
  })
})

/** Parameters that keep each scenario busy for seconds, so a stop lands mid-way. */
const SLOW: Record<string, Record<string, unknown>> = {
  hello: { pace: 20 },
  process: { pace: 20 },
  queue: { pace: 20 },
  pipe: { pace: 20, count: 20 },
  mix: { pace: 20 },
  lock: { pace: 20 },
  'pool-apply': { pace: 20 },
  'pool-map': { pace: 20, items: 20, processes: 3, taskMs: 100 },
  gil: { workMs: 3000, workers: 2 },
  'pipe-vs-queue': { pace: 20, messages: 1000 }
}

describe('stop a run mid-way', () => {
  it('covers every registered scenario', async () => {
    const { programs } = await import('../scenarios/registry')
    expect(Object.keys(SLOW).sort()).toEqual([...programs.keys()].sort())
  })

  it.each(Object.keys(SLOW))('%s: status stopped, every process gone', async (id) => {
    const run = start(id, SLOW[id]!)
    await waitForEvent(run, (e) => e.type === 'proc.ready')
    const info = await service!.call('stopRun', { runId: run.id })
    expect(info.status).toBe('stopped')
    const end = run.events.at(-1) as RunEvent
    expect(end).toMatchObject({ type: 'run.end', status: 'stopped' })
    expect(run.events.slice().filter((e) => e.type === 'run.end')).toHaveLength(1)
    expectNothingLeft(run)
  })
})
