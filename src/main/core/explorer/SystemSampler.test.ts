import { describe, expect, it } from 'vitest'
import { PoolScopeService } from '../host/PoolScopeService'
import { SystemSampler } from './SystemSampler'

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
