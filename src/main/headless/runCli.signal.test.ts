// Ctrl-C (SIGINT) during a scenario, the real CLI from source: the run is stopped, the --trace
// file is written and parses, the exit status is 128 + 2 (README), and no child is left —
// also for a pool, whose workers are forked before the CLI's own run code goes on.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import type { EventOf, RunEvent } from '../../shared/events'
import { ENV_HOST_PID } from '../core/protocol'
import { isAlive, processesTaggedWith } from '../core/procfs'
import { loadTraceFile } from '../core/trace/loadTraceFile'
import { NO_PROC } from '../../../test/platforms'

const CLI = resolve(__dirname, '../cli.ts')
const dir = mkdtempSync(join(tmpdir(), 'poolscope-sigint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(NO_PROC).each([
  // long enough that the signal comes mid-run: each task (or child) takes seconds
  ['pool-map', ['processes=2', 'items=6', 'taskMs=3000']],
  ['process', ['pace=20']]
])(`SIGINT during \`run %s --trace\`${NO_PROC}`, (scenario, sets) => {
  it('stops the run, writes the trace, exits 130, leaves no child', async () => {
    const trace = join(dir, `${scenario}.poolscope.json`)
    const host = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        'run',
        scenario,
        ...sets.flatMap((s) => ['--set', s]),
        '--json',
        '--trace',
        trace
      ],
      {
        env: { ...process.env, [ENV_HOST_PID]: String(process.pid) },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stderr = ''
    host.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    const exited = once(host, 'exit') as Promise<[number | null, string | null]>
    // interrupt once a child is busy (a pool task started, or a process spawned)
    const spawned: number[] = []
    for await (const line of createInterface({ input: host.stdout! })) {
      const e = JSON.parse(line) as RunEvent
      if (e.type === 'proc.spawn') spawned.push(e.pid)
      if (e.type === (scenario === 'pool-map' ? 'task.start' : 'proc.spawn')) break
    }
    expect(spawned.length).toBeGreaterThan(0)
    host.kill('SIGINT')
    const [code, signal] = await exited
    expect(stderr).toBe('')
    expect([code, signal]).toEqual([130, null])
    expect(existsSync(trace)).toBe(true)
    const events = (await loadTraceFile(trace)).events
    const end = events.at(-1) as EventOf<'run.end'>
    expect(end).toMatchObject({ type: 'run.end', status: 'stopped' })
    for (const pid of spawned) expect(isAlive(pid)).toBe(false)
    expect(processesTaggedWith(host.pid!)).toEqual([])
  })
})
