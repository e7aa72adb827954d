import { describe, expect, it } from 'vitest'
import { isAlive } from '../procfs'
import { PoolScopeService } from '../host/PoolScopeService'
import { descendants, signalProcesses } from './signalProcesses'
import { ProcfsSystemReader } from './ProcfsSystemReader'
import { startTree } from './testTree'

const linux = process.platform === 'linux'

describe('descendants', () => {
  it('walks children of children, and counts known members as in the tree', () => {
    const procs = [
      { pid: 10, ppid: 1 },
      { pid: 11, ppid: 10 },
      { pid: 12, ppid: 11 },
      { pid: 13, ppid: 1 },
      { pid: 14, ppid: 13 }
    ]
    expect(descendants(10, procs).sort()).toEqual([11, 12])
    // 13 was a member before it was reparented: its child is still in the tree
    expect(descendants(10, procs, new Set([13])).sort()).toEqual([11, 12, 14])
  })
})

describe('signalProcesses refusals (nothing is sent)', () => {
  const sent: number[] = []
  const deps = {
    hostPid: 500,
    list: () =>
      Promise.resolve([
        { pid: 400, ppid: 1 },
        { pid: 500, ppid: 400 },
        { pid: 600, ppid: 400 }
      ]),
    kill: (pid: number) => void sent.push(pid)
  }

  it('refuses PID 1, the host, and a subtree that holds the host', async () => {
    await expect(
      signalProcesses({ pid: 1, signal: 'SIGTERM', subtree: false }, deps)
    ).rejects.toThrow(/refused: pid 1 is the init process/)
    await expect(
      signalProcesses({ pid: 500, signal: 'SIGKILL', subtree: false }, deps)
    ).rejects.toThrow(/refused: pid 500 is PoolScope's own process/)
    await expect(
      signalProcesses({ pid: 400, signal: 'SIGSTOP', subtree: true }, deps)
    ).rejects.toThrow(/pid 500 is PoolScope's own process \(in the subtree of pid 400\)/)
    expect(sent).toEqual([])
  })
})

describe.runIf(linux)('signalProcesses on real processes', () => {
  const reader = new ProcfsSystemReader()
  const deps = { hostPid: process.pid, list: () => reader.readAll() }

  it('SIGTERM to a subtree leaves none of it (bash → sleep ×3)', async () => {
    const tree = await startTree('for i in 1 2 3; do sleep 30 & echo $!; done; echo ready; wait')
    try {
      const out = await signalProcesses({ pid: tree.pid, signal: 'SIGTERM', subtree: true }, deps)
      expect(out.map((o) => o.pid).sort()).toEqual([tree.pid, ...tree.children].sort())
      expect(out.every((o) => o.ok)).toBe(true)
      await new Promise((r) => tree.bash.once('exit', r))
      // the sleeps were bash's children: reparented when it died, they must be gone too
      for (let i = 0; i < 50 && tree.children.some(isAlive); i++)
        await new Promise((r) => setTimeout(r, 20))
      expect(tree.children.filter(isAlive)).toEqual([])
    } finally {
      await tree.kill()
    }
  })

  it('STOP and CONT one process; a gone process is reported as gone', async () => {
    const tree = await startTree('sleep 30 & echo $!; echo ready; wait')
    const sleeper = tree.children[0]!
    try {
      await signalProcesses({ pid: sleeper, signal: 'SIGSTOP', subtree: false }, deps)
      for (let i = 0; i < 50 && reader.readOne(sleeper)?.state !== 'T'; i++)
        await new Promise((r) => setTimeout(r, 10))
      expect(reader.readOne(sleeper)?.state).toBe('T')
      await signalProcesses({ pid: sleeper, signal: 'SIGCONT', subtree: false }, deps)
      for (let i = 0; i < 50 && reader.readOne(sleeper)?.state !== 'S'; i++)
        await new Promise((r) => setTimeout(r, 10))
      expect(reader.readOne(sleeper)?.state).toBe('S')
    } finally {
      await tree.kill()
    }
    await expect(
      signalProcesses({ pid: tree.pid, signal: 'SIGKILL', subtree: false }, deps)
    ).rejects.toMatchObject({
      code: 'not-found',
      message: `SIGKILL to pid ${tree.pid}: gone`
    })
  })

  it('a host refuses signals unless its face allows them; allowed, they go through the API', async () => {
    const service = new PoolScopeService() // off by default: serve without --allow-signals

    await expect(service.call('signalProcess', { pid: 99999, signal: 'SIGTERM' })).rejects.toThrow(
      /refused: signals are off on this host \(serve was started without --allow-signals\)/
    )
    await expect(service.call('signalProcess', { pid: 5, signal: 'SIGHUP' })).rejects.toThrow(
      /signal/
    )
    await service.shutdown()
  })
})
