import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { ENV_HOST_PID } from '../protocol'
import { isAlive, processesTaggedWith } from '../procfs'
import { NO_PROC } from '../../../../test/platforms'

function startOrphanHost(): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, '../../../../test/core/child/orphanHost.ts')],
    // Tagged with our PID: if the host itself survived, the stray check would catch it.
    {
      env: { ...process.env, [ENV_HOST_PID]: String(process.pid) },
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
}

async function childPids(host: ChildProcess): Promise<number[]> {
  const [line] = (await once(createInterface({ input: host.stdout! }), 'line')) as [string]
  const { pids } = JSON.parse(line) as { pids: number[] }
  expect(pids).toHaveLength(3)
  expect(processesTaggedWith(host.pid!).sort()).toEqual([...pids].sort())
  return pids
}

/**
 * The host's processes still there after up to 5 s: tagged ones, and any of `pids` not yet dead
 * (a process being killed has lost its environment, so no tag, before it is a zombie).
 */
async function survivors(host: ChildProcess, pids: number[]): Promise<number[]> {
  const left = (): number[] => [
    ...new Set([...processesTaggedWith(host.pid!), ...pids.filter(isAlive)])
  ]
  let now = left()
  for (let i = 0; i < 100 && now.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 50))
    now = left()
  }
  return now
}

describe.skipIf(NO_PROC)(
  `a host without a shutdown coordinator killed with SIGTERM${NO_PROC}`,
  () => {
    it('the last resort: its children are SIGKILLed and it exits 143', async () => {
      const host = startOrphanHost()
      const pids = await childPids(host)
      const exited = once(host, 'exit')
      host.kill('SIGTERM')
      expect(await exited).toEqual([143, null])
      expect(await survivors(host, pids)).toEqual([])
    })
  }
)

describe.skipIf(NO_PROC)(`children of a host killed with SIGKILL${NO_PROC}`, () => {
  it('exit on their own: no tagged process survives (checked in /proc)', async () => {
    const host = startOrphanHost()
    const pids = await childPids(host)
    host.kill('SIGKILL')
    await once(host, 'exit')
    expect(await survivors(host, pids)).toEqual([])
  })
})
