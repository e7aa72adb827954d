import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENV_HOST_PID } from '../protocol'
import { isAlive } from '../procfs'

describe('50 runs in a row, every other one stopped mid-way', () => {
  it('leave no process behind, and the host memory returns to within 20 % of its start', async () => {
    const host = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        resolve(__dirname, '../../../../test/core/host/manyRunsHost.ts'),
        '50'
      ],
      {
        env: { ...process.env, [ENV_HOST_PID]: String(process.pid) },
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    let out = ''
    host.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c))
    const [code] = (await once(host, 'exit')) as [number]
    expect(code).toBe(0)
    const { before, after, pids } = JSON.parse(out) as {
      before: { rss: number; heapUsed: number }
      after: { rss: number; heapUsed: number }
      pids: number[]
    }
    expect(new Set(pids).size).toBe(pids.length)
    expect(pids.length).toBe(52)
    expect(pids.filter(isAlive)).toEqual([])
    console.log(
      `memory: rss ${(before.rss / 2 ** 20).toFixed(1)} → ${(after.rss / 2 ** 20).toFixed(1)} MiB, heap ${(before.heapUsed / 2 ** 20).toFixed(1)} → ${(after.heapUsed / 2 ** 20).toFixed(1)} MiB`
    )
    expect(after.rss).toBeLessThanOrEqual(before.rss * 1.2)
    expect(after.heapUsed).toBeLessThanOrEqual(before.heapUsed * 1.2)
  }, 120_000)
})
