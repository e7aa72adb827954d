// The headless hosts killed during a run (SIGTERM and SIGKILL, CLI `run` and `serve`): no
// process the run started survives, checked by PID and by scanning /proc for the host's tag.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { ChannelResponse } from '../../shared/api'
import { ENV_HOST_PID } from '../core/protocol'
import { isAlive, processesTaggedWith } from '../core/procfs'
import { NO_PROC } from '../../../test/platforms'

const CLI = resolve(__dirname, '../cli.ts')

/** The CLI from source, tagged with our PID so that the per-test stray check covers it too. */
function startCli(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, [ENV_HOST_PID]: String(process.pid) },
    stdio: ['ignore', 'pipe', 'inherit']
  })
}

async function firstLine(host: ChildProcess, pred: (line: string) => boolean): Promise<string> {
  for await (const line of createInterface({ input: host.stdout! })) if (pred(line)) return line
  throw new Error('host ended before printing the expected line')
}

async function killAndCheck(
  host: ChildProcess,
  childPid: number,
  signal: NodeJS.Signals
): Promise<void> {
  expect(isAlive(childPid)).toBe(true)
  expect(processesTaggedWith(host.pid!)).toContain(childPid)
  const exited = once(host, 'exit')
  host.kill(signal)
  await exited
  // Gone well before the child's own end (it lingers 3 s): not by finishing, but because its
  // host is gone (the host's shutdown, or the child's parent watch after a SIGKILL).
  let left = processesTaggedWith(host.pid!)
  for (let i = 0; i < 40 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 50))
    left = processesTaggedWith(host.pid!)
  }
  expect(left).toEqual([])
  expect(isAlive(childPid)).toBe(false)
}

describe.skipIf(NO_PROC).each(['SIGTERM', 'SIGKILL'] as const)(
  `a host killed with %s during a run${NO_PROC}`,
  (signal) => {
    it('CLI run: its child does not outlive it', async () => {
      // pace 15: hello waits 3 s, then its child lingers 3 s
      const host = startCli('run', 'hello', '--set', 'pace=15', '--json')
      const spawnLine = await firstLine(host, (l) => l.includes('"proc.spawn"'))
      await killAndCheck(host, (JSON.parse(spawnLine) as { pid: number }).pid, signal)
    })

    it('serve: the child of a run started over the WebSocket does not outlive it', async () => {
      const host = startCli('serve', '--port', '0')
      const url = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(
        await firstLine(host, (l) => l.includes('http://'))
      )!
      const ws = new WebSocket(`${url[1]!.replace('http', 'ws')}/api?token=${url[2]}`, {
        origin: url[1]
      })
      await once(ws, 'open')
      const spawned = new Promise<number>((ok) => {
        ws.on('message', (data) => {
          const msg = JSON.parse(data.toString()) as ChannelResponse
          const ev =
            msg.kind === 'batch' ? msg.batch.events.find((e) => e.type === 'proc.spawn') : undefined
          if (ev?.type === 'proc.spawn') ok(ev.pid)
        })
      })
      ws.send(JSON.stringify({ kind: 'subscribe' }))
      ws.send(
        JSON.stringify({
          kind: 'call',
          id: 1,
          method: 'startRun',
          input: { scenario: 'hello', params: { pace: 15 } }
        })
      )
      const childPid = await spawned
      await killAndCheck(host, childPid, signal)
      ws.terminate()
    })
  }
)
