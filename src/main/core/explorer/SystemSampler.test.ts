import { describe, expect, it } from 'vitest'
import { PoolScopeService } from '../host/PoolScopeService'
import { SystemSampler } from './SystemSampler'
import { SystemTable } from './SystemTable'
import type { SystemReading } from './SystemReader'

const reading = (pid: number, cpuTime: number, startedAt = 1): SystemReading => ({
  pid,
  ppid: 1,
  uid: 0,
  user: 'root',
  state: 'S',
  threads: 1,
  cpu: null,
  cpuTime,
  rss: 4096,
  startedAt,
  name: 'x',
  command: 'x'
})

describe('SystemTable', () => {
  it('gives no CPU on the first tick, the change per tick after, and starts over on a reused PID', () => {
    const table = new SystemTable()
    expect(table.update([reading(7, 1000)], 0)[0]!.cpu).toBeNull()
    expect(table.update([reading(7, 1250)], 500)[0]!.cpu).toBe(50)
    // same PID, another start time: another process
    expect(table.update([reading(7, 10, 99)], 1000)[0]!.cpu).toBeNull()
  })

  it('never changes a row handed out before (a reader may give it again): a copy takes the new %', () => {
    const table = new SystemTable()
    table.update([reading(7, 1000)], 0)
    const [idle] = table.update([reading(7, 1000)], 1000)
    expect(idle!.cpu).toBe(0)
    // the same row again, at another start time: no % for it, so a copy says so
    const again: SystemReading = { ...idle!, cpuTime: 1000, startedAt: 2 }
    const [copy] = table.update([again], 2000)
    expect(copy).not.toBe(again)
    expect(copy!.cpu).toBeNull()
    expect(again.cpu).toBe(0)
  })
})

describe.runIf(process.platform === 'linux')('SystemSampler', () => {
  it('answers with the next snapshot once the host has taken it', async () => {
    const sampler = new SystemSampler({ hz: 20 })
    try {
      const first = await sampler.next()
      expect(first.procs.find((p) => p.pid === process.pid)?.cpu).toBeNull()
      const second = await sampler.next(first.seq)
      expect(second.seq).toBe(first.seq + 1)
      expect(second.hostPid).toBe(process.pid)
      expect(second.procs.find((p) => p.pid === process.pid)?.cpu).toEqual(expect.any(Number))
      // asking with a seq older than the latest answers at once with the latest
      expect((await sampler.next(0)).seq).toBe(sampler.latest!.seq)
    } finally {
      sampler.close()
    }
  })

  it('is reachable through the API, input checked', async () => {
    const service = new PoolScopeService()
    const snap = await service.call('systemSnapshot', {})
    expect(snap.reader).toBe('procfs')
    expect(snap.procs.some((p) => p.pid === process.pid)).toBe(true)
    await expect(service.call('systemSnapshot', { after: -1 })).rejects.toThrow(/after/)
    const details = await service.call('processDetails', { pid: process.pid })
    expect(details.cwd).toBe(process.cwd())
    await service.shutdown()
  })
})
