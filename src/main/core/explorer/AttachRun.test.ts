import { describe, expect, it } from 'vitest'
import type { EventOf } from '../../../shared/events'
import { PoolScopeService } from '../host/PoolScopeService'
import { isAlive } from '../procfs'
import { checkChromeTrace } from '../trace/checkChromeTrace'
import { startTree } from './testTree'

const linux = process.platform === 'linux'

describe.runIf(linux)('attach', () => {
  it('records each spawn and exit of a tree that forks and exits while watched', async () => {
    // After "ready" the tree waits, forks three subshells (each with a sleep of its own),
    // then one more: every PID it forks is printed; the test attaches before any of them.
    const tree = await startTree(
      'echo ready; sleep 0.4; for i in 1 2 3; do (sleep 0.2; exit $i) & echo $!; done; wait; ' +
        'sleep 0.2 & echo $!; wait'
    )
    const service = new PoolScopeService({ monitor: { liveHz: 20 } })
    try {
      const run = service.attach(tree.pid)
      await run.done
      expect(run.status).toBe('finished')
      const events = [...run.events]
      const spawns = events.filter((e): e is EventOf<'proc.spawn'> => e.type === 'proc.spawn')
      const exits = events.filter((e): e is EventOf<'proc.exit'> => e.type === 'proc.exit')
      expect(tree.lines).toHaveLength(4)
      const forked = tree.lines.map(Number)
      expect(spawns[0]).toMatchObject({ pid: tree.pid, ppid: process.pid, role: 'attached' })
      for (const pid of forked) {
        expect(spawns.find((s) => s.pid === pid)).toMatchObject({ ppid: tree.pid, role: 'child' })
      }
      // the subshells' own sleeps are grandchildren of the root
      expect(spawns.filter((s) => forked.slice(0, 3).includes(s.ppid))).toHaveLength(3)
      const spawned = spawns.map((s) => s.pid).sort()
      expect(exits.map((e) => e.pid).sort()).toEqual(spawned)
      // every exit after its spawn, and the root last
      for (const e of exits) expect(e.t).toBeGreaterThan(spawns.find((s) => s.pid === e.pid)!.t)
      expect(exits.at(-1)!.pid).toBe(tree.pid)
      const samples = events.filter((e) => e.type === 'sample')
      expect(samples.some((s) => s.procs.some((p) => forked.includes(p.pid)))).toBe(true)
      const chrome = await service.call('exportRun', { runId: run.id, format: 'chrome' })
      expect(checkChromeTrace(chrome.content)).toEqual([])
    } finally {
      await tree.kill()
      await service.shutdown()
    }
  })

  it('stopping a watch leaves the processes alone; a gone PID is not found', async () => {
    const tree = await startTree('sleep 30 & echo $!; echo ready; wait')
    const service = new PoolScopeService()
    try {
      const info = await service.call('attachProcess', { pid: tree.pid })
      expect(info).toMatchObject({ kind: 'attach', scenario: 'attach', status: 'running' })
      expect(info.params).toMatchObject({ pid: tree.pid })
      const stopped = await service.call('stopRun', { runId: info.id })
      expect(stopped.status).toBe('stopped')
      expect(isAlive(tree.pid)).toBe(true)
      expect(isAlive(tree.children[0]!)).toBe(true)
    } finally {
      await tree.kill()
    }
    await expect(service.call('attachProcess', { pid: tree.pid })).rejects.toMatchObject({
      code: 'not-found',
      message: `no live process with pid ${tree.pid}`
    })
    await service.shutdown()
  })
})
