// The UI's kill action (API killProcess) reaches every process of a run: a Process child and a
// pool worker alike; a PID outside the run is refused, naming it.
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { ApiError } from './ApiError'
import { PoolScopeService } from './PoolScopeService'

async function until<T>(f: () => T | undefined): Promise<T> {
  for (;;) {
    const v = f()
    if (v !== undefined) return v
    await new Promise((r) => setTimeout(r, 10))
  }
}

const exitOf = (events: readonly RunEvent[], pid: number): RunEvent | undefined =>
  events.find((e) => e.type === 'proc.exit' && e.pid === pid)

describe('killProcess', () => {
  it('kills a pool worker of a live run', async () => {
    const service = new PoolScopeService()
    const run = service.startRun('pool-map', { processes: 2, items: 6, taskMs: 2000 })
    const worker = await until(() => {
      const start = run.events.slice().find((e) => e.type === 'task.start')
      return start?.type === 'task.start' ? start.worker : undefined
    })
    expect(run.livePids()).toContain(worker)
    await service.call('killProcess', { runId: run.id, pid: worker, signal: 'SIGKILL' })
    await run.done
    expect(exitOf(run.events.slice(), worker)).toMatchObject({ signal: 'SIGKILL' })
    await service.shutdown()
  })

  it('kills a Process child of a live run, and refuses a PID that is not the run’s', async () => {
    const service = new PoolScopeService()
    const run = service.startRun('hello', { pace: 8 }) // the child lingers 1.6 s
    const child = await until(() => {
      const spawn = run.events.slice().find((e) => e.type === 'proc.spawn')
      return spawn?.type === 'proc.spawn' ? spawn.pid : undefined
    })
    await expect(
      service.call('killProcess', { runId: run.id, pid: process.pid, signal: 'SIGKILL' })
    ).rejects.toThrow(
      new ApiError('not-found', `pid ${process.pid} is not a live process of run '${run.id}'`)
    )
    await service.call('killProcess', { runId: run.id, pid: child, signal: 'SIGTERM' })
    await until(() => exitOf(run.events.slice(), child))
    expect(exitOf(run.events.slice(), child)).toMatchObject({ signal: 'SIGTERM' })
    await run.stop()
    await service.shutdown()
  })
})
