import { afterEach, describe, expect, it } from 'vitest'
import { processesTaggedWith } from '../procfs'
import { NO_PROC } from '../../../../test/platforms'
import { Process } from './Process'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'
import { setWarmSpares, sparesReady } from './warmSpare'

afterEach(() => setWarmSpares(0))

describe.skipIf(NO_PROC)(`warm spares${NO_PROC}`, () => {
  it('Process.start() takes the idle pre-forked child and a replacement is forked', async () => {
    setWarmSpares(1)
    await sparesReady()
    const [sparePid] = processesTaggedWith(process.pid)
    expect(sparePid).toBeGreaterThan(0)
    const rec = recordEvents()
    const p = new Process({ task: 'whoami', args: [7], sink: rec.sink })
    await p.start()
    expect(p.pid).toBe(sparePid)
    await p.join()
    expect(p.result).toEqual({ index: 7, pid: sparePid, ppid: process.pid })
    expect(rec.events.map((e) => e.type)).toEqual([
      'proc.spawn',
      'proc.ready',
      'stdout',
      'proc.exit'
    ])
    await sparesReady()
    const now = processesTaggedWith(process.pid)
    expect(now).toHaveLength(1)
    expect(now[0]).not.toBe(sparePid)
  })
})
