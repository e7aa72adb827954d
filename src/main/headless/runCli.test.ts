import { describe, expect, it } from 'vitest'
import { EXIT } from './runCli'
import { cli } from '../../../test/headless/runCliCapture'

describe('poolscope CLI', () => {
  it('list --json prints one object per scenario with typed parameters', async () => {
    const { code, out } = await cli('list', '--json')
    expect(code).toBe(EXIT.ok)
    const rows = out
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: string; title: { ko: string; en: string }; params: unknown[] }
      )
    const hello = rows.find((r) => r.id === 'hello')!
    expect(hello.title.ko).toBeTruthy()
    expect(hello.params).toContainEqual(
      expect.objectContaining({ name: 'pace', type: 'number', default: 1, min: 0.1, max: 100 })
    )
  })

  it('run hello --json prints events as JSON lines, ending with run.end, and the PPID is the host', async () => {
    const { code, out } = await cli('run', 'hello', '--set', 'pace=0.1', '--json')
    expect(code).toBe(EXIT.ok)
    const events = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(events.every((e) => typeof e.t === 'number' && typeof e.type === 'string')).toBe(true)
    const spawn = events.find((e) => e.type === 'proc.spawn')!
    const end = events.at(-1)!
    expect(end).toMatchObject({
      type: 'run.end',
      status: 'finished',
      hostPid: process.pid,
      verdict: { passed: true }
    })
    expect(spawn.ppid).toBe(process.pid)
    expect(end.result).toMatchObject({ pid: spawn.pid, ppid: process.pid })
  })

  it.each([
    [['run', 'hello', '--set', 'nope=1'], "unknown parameter 'nope'"],
    [['run', 'no-such-scenario'], "unknown scenario 'no-such-scenario'"],
    [['run', 'hello', '--set', 'pace=0'], "parameter 'pace' must be between 0.1 and 100, got 0"],
    [['run', 'hello', '--set', 'pace'], "expected name=value, got 'pace'"],
    [['serve', '--port', 'http'], "not a port number: 'http'"],
    [['serve', '--port', ''], "not a port number: ''"],
    [['serve', '--port', ' '], "not a port number: ' '"],
    [['serve', '--port', '0x10'], "not a port number: '0x10'"],
    [['frobnicate'], "unknown command 'frobnicate'"]
  ])('%j exits 2 with one line naming the bad argument', async (argv, message) => {
    const { code, err, out } = await cli(...argv)
    expect(code).toBe(EXIT.badArgument)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain(message)
    expect(out).toBe('')
  })
})
