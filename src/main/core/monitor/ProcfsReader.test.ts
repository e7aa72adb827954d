import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseStat, ProcfsReader } from './ProcfsReader'

const linux = process.platform === 'linux'

describe('parseStat', () => {
  it('reads ppid, CPU time and RSS after the last ")" of a command name', () => {
    const line =
      '4242 (a) b (c)) S 17 4242 4242 0 -1 4194560 500 0 0 0 123 45 0 0 20 0 1 0 1000 ' +
      '12345678 2500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n'
    const buf = Buffer.from(line, 'latin1')
    expect(parseStat(buf, buf.length, 4242, 4096)).toEqual({
      pid: 4242,
      ppid: 17,
      cpuTime: (123 + 45) * 10,
      rss: 2500 * 4096,
      alive: true
    })
  })

  it('says a zombie is not alive, and refuses a truncated line', () => {
    const zombie = Buffer.from('9 (z) Z 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n')
    expect(parseStat(zombie, zombie.length, 9, 4096)?.alive).toBe(false)
    const cut = Buffer.from('9 (z) S 1 0 0')
    expect(parseStat(cut, cut.length, 9, 4096)).toBeNull()
  })
})

describe.runIf(linux)('ProcfsReader', () => {
  it('reads this process: its parent, its CPU time and its RSS', async () => {
    const reader = new ProcfsReader()
    const before = process.cpuUsage()
    const r = (await reader.read([process.pid])).get(process.pid)!
    const after = process.cpuUsage()
    expect(r.ppid).toBe(process.ppid)
    // stat counts in 10 ms clock ticks: allow one tick either way (plus the read itself)
    expect(r.cpuTime).toBeGreaterThanOrEqual((before.user + before.system) / 1000 - 20)
    expect(r.cpuTime).toBeLessThanOrEqual((after.user + after.system) / 1000 + 20)
    const rss = process.memoryUsage().rss
    expect(r.rss).toBeGreaterThan(rss * 0.8)
    expect(r.rss).toBeLessThan(rss * 1.25)
    expect(reader.pageSize % 4096).toBe(0)
    reader.close()
  })

  it('keeps reading through its open descriptor, and drops a process once it is gone', async () => {
    const reader = new ProcfsReader()
    const child = spawn('sleep', ['30'], { stdio: 'ignore' })
    const pid = child.pid!
    const exited = new Promise((resolve) => child.once('exit', resolve))
    expect((await reader.read([pid])).get(pid)).toMatchObject({ pid, ppid: process.pid })
    expect((await reader.read([pid])).get(pid)?.alive).toBe(true)
    child.kill('SIGKILL')
    await exited
    expect((await reader.read([pid])).has(pid)).toBe(false)
    expect((await reader.read([2 ** 22 + 1])).size).toBe(0) // above pid_max: never existed
    reader.close()
  })
})
