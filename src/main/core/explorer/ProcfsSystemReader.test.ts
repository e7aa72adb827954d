import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { parseStatLine, newStatLine, STAT } from './statLine'
import { ProcfsSystemReader } from './ProcfsSystemReader'
import { startTree } from './testTree'

const linux = process.platform === 'linux'

/** A fake /proc holding one process, `pid`, with `files` written into its directory. */
interface FakeProc {
  write(file: string, text: string): void
  remove(file: string): void
  /** A reader of this fake /proc (closed after the test), on `clock` if given. */
  reader(clock?: () => number): ProcfsSystemReader
}

async function withFakeProc(
  pid: number,
  files: Record<string, string>,
  test: (f: FakeProc) => Promise<void>
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fake-proc-'))
  const dir = join(root, String(pid))
  mkdirSync(dir)
  const readers: ProcfsSystemReader[] = []
  const f: FakeProc = {
    write: (file, text) => writeFileSync(join(dir, file), text),
    remove: (file) => rmSync(join(dir, file)),
    reader: (clock) => {
      const r = new ProcfsSystemReader(root, undefined, clock)
      readers.push(r)
      return r
    }
  }
  for (const [file, text] of Object.entries(files)) f.write(file, text)
  try {
    await test(f)
  } finally {
    for (const r of readers) r.close()
    rmSync(root, { recursive: true, force: true })
  }
}

describe('parseStatLine', () => {
  it('reads the fields after the last ")" of a name, negative ones included', () => {
    const line =
      '4242 (a) b (c)) S 17 4242 4242 0 -1 4194560 500 0 0 0 123 45 0 0 20 -5 7 0 1000 ' +
      '12345678 2500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 256\n'
    const buf = Buffer.from(line, 'latin1')
    const out = newStatLine()
    expect(parseStatLine(buf, buf.length, out)).toBe(true)
    expect(String.fromCharCode(out.state)).toBe('S')
    expect(buf.toString('latin1', out.nameStart, out.nameEnd)).toBe('a) b (c)')
    expect(out.fields[STAT.ppid]).toBe(17)
    expect(out.fields[STAT.utime]! + out.fields[STAT.stime]!).toBe(168)
    expect(out.fields[STAT.threads]).toBe(7)
    expect(out.fields[STAT.starttime]).toBe(1000)
    expect(out.fields[STAT.rss]).toBe(2500)
    expect(out.fields[STAT.exitCode]).toBe(256)
  })

  it('refuses a line cut before RSS', () => {
    const cut = Buffer.from('9 (z) S 1 0 0')
    expect(parseStatLine(cut, cut.length, newStatLine())).toBe(false)
  })
})

describe.runIf(linux)('ProcfsSystemReader', () => {
  it('lists a real tree (bash → sleep ×3) with the right parents, user and command', async () => {
    const tree = await startTree('for i in 1 2 3; do sleep 30 & echo $!; done; echo ready; wait')
    await tree.execed('sleep')
    const reader = new ProcfsSystemReader()
    try {
      const all = await reader.readAll()
      const byPid = new Map(all.map((p) => [p.pid, p]))
      expect(byPid.get(tree.pid)?.ppid).toBe(process.pid)
      expect(byPid.get(tree.pid)?.name).toBe('bash')
      expect(tree.children).toHaveLength(3)
      for (const pid of tree.children) {
        const p = byPid.get(pid)!
        expect(p.ppid).toBe(tree.pid)
        expect(p.command).toBe('sleep 30')
        expect(p.user).toBe(userInfo().username)
        expect(p.uid).toBe(process.getuid!())
        expect(p.threads).toBe(1)
        expect(p.rss).toBeGreaterThan(0)
        // started within the last minute, on the wall clock
        expect(Math.abs(p.startedAt! - Date.now())).toBeLessThan(60_000)
      }
      const self = byPid.get(process.pid)!
      expect(self.state).toBe('R')
      expect(self.command).toContain('node')
    } finally {
      reader.close()
      await tree.kill()
    }
  })

  it('gives the details of a live process, and the reason for each field of a gone one', async () => {
    const reader = new ProcfsSystemReader()
    const mine = await reader.details(process.pid)
    expect(mine.cwd).toBe(process.cwd())
    expect(mine.exe).toBe(process.execPath)
    expect(mine.fds).toBeGreaterThan(2)
    expect(mine.errors).toEqual({})
    const tree = await startTree('echo ready')
    await new Promise((r) => tree.bash.once('close', r))
    const gone = await reader.details(tree.pid)
    expect(gone.cwd).toBeNull()
    expect(gone.errors).toMatchObject({ command: 'gone', cwd: 'gone', exe: 'gone', fds: 'gone' })
    expect(reader.readOne(tree.pid)).toBeNull()
    reader.close()
  })

  it('cuts a command line over 4 KiB with "…", on a whole character; details() has all of it', async () => {
    // 'é' is two bytes: at 4,095 bytes of 'x' the cut falls inside one
    const long = 'x'.repeat(4090) + 'é'.repeat(20)
    // argv[0] carries it: sleep itself would refuse an extra argument and exit
    const tree = await startTree(`(exec -a '${long}' sleep 30) & echo $!; echo ready; wait`)
    await tree.execed('sleep')
    const reader = new ProcfsSystemReader()
    try {
      const pid = tree.children[0]!
      const p = (await reader.readAll()).find((r) => r.pid === pid)!
      expect(p.command.endsWith('…')).toBe(true)
      expect(p.command).not.toContain('\uFFFD')
      expect(`${long} 30`.startsWith(p.command.slice(0, -1))).toBe(true)
      expect(Buffer.byteLength(p.command.slice(0, -1))).toBeGreaterThan(4090)
      expect((await reader.details(pid)).command).toBe(`${long} 30`)
    } finally {
      reader.close()
      await tree.kill()
    }
  })

  it('shows a command line of exactly 4 KiB whole, without "…"', async () => {
    // argv[0] + NUL + "30" + NUL: 4,096 bytes
    const exact = 'y'.repeat(4096 - 4)
    const tree = await startTree(`(exec -a '${exact}' sleep 30) & echo $!; echo ready; wait`)
    await tree.execed('sleep')
    const reader = new ProcfsSystemReader()
    try {
      const p = (await reader.readAll()).find((r) => r.pid === tree.children[0])!
      expect(p.command).toBe(`${exact} 30`)
    } finally {
      reader.close()
      await tree.kill()
    }
  })

  it('sees an exec: the name and command line follow the new program', async () => {
    const tree = await startTree('(sleep 0.3; exec sleep 31) & echo $!; echo ready; wait')
    const reader = new ProcfsSystemReader()
    try {
      const child = tree.children[0]!
      expect(reader.readOne(child)?.name).toBe('bash')
      let now = reader.readOne(child)
      // the command line may come a read after the name: the kernel renames first
      for (let i = 0; i < 100 && now?.command !== 'sleep 31'; i++) {
        await new Promise((r) => setTimeout(r, 30))
        now = reader.readOne(child)
      }
      expect(now).toMatchObject({ name: 'sleep', command: 'sleep 31', ppid: tree.pid })
    } finally {
      reader.close()
      await tree.kill()
    }
  })

  it("takes a kernel worker's new name without reading its files again (it never execs)", async () => {
    // A fake /proc: one kernel thread (flags hold PF_KTHREAD), its cmdline empty.
    const stat = (name: string): string =>
      `42 (${name}) I 2 0 0 0 -1 69238880 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 18446744073709551615\n`
    await withFakeProc(42, { stat: stat('kworker/0:1-events'), cmdline: '' }, async (f) => {
      const reader = f.reader()
      expect((await reader.readAll())[0]).toMatchObject({
        pid: 42,
        ppid: 2,
        name: 'kworker/0:1-events',
        command: '[kworker/0:1-events]'
      })
      // Were its files read again, the missing cmdline would show as unreadable.
      f.remove('cmdline')
      f.write('stat', stat('kworker/0:1-mm_percpu_wq'))
      const [renamed] = await reader.readAll()
      expect(renamed).toMatchObject({
        name: 'kworker/0:1-mm_percpu_wq',
        command: '[kworker/0:1-mm_percpu_wq]'
      })
      expect(renamed!.unreadable).toBeUndefined()
    })
  })

  it("keeps an unchanged process's row, never changing a row it handed out", async () => {
    const stat = (utime: number): string =>
      `43 (sleep) S 1 0 0 0 -1 4194304 0 0 0 0 ${utime} 0 0 0 20 0 1 0 5 0 100 0\n`
    await withFakeProc(43, { stat: stat(7), cmdline: 'sleep\x0030\x00' }, async (f) => {
      let now = 0
      const reader = f.reader(() => now)
      const [first] = await reader.readAll()
      expect(first!.cpu).toBeNull() // no % yet: its row is not taken again
      now = 1000
      const [second] = await reader.readAll()
      expect(second).not.toBe(first)
      expect(second!.cpu).toBe(0)
      now = 2000
      const [third] = await reader.readAll()
      expect(third).toBe(second) // idle since: the same row
      f.write('stat', stat(57))
      now = 3000
      const [busy] = await reader.readAll()
      expect(busy).not.toBe(third)
      expect(busy).toMatchObject({ cpuTime: 570, cpu: 50, command: 'sleep 30' })
      expect(third).toMatchObject({ cpuTime: 70, cpu: 0 })
      // the same line as the busy read's: idle since, so 0 %, not the busy row again
      now = 4000
      const [rested] = await reader.readAll()
      expect(rested).not.toBe(busy)
      expect(rested).toMatchObject({ cpuTime: 570, cpu: 0 })
      now = 5000
      expect((await reader.readAll())[0]).toBe(rested)
    })
  })

  it('never gives a row for other bytes: a kernel worker renamed and back, then busy', async () => {
    const stat = (name: string, utime = 0): string =>
      `47 (${name}) I 2 0 0 0 -1 69238880 0 0 0 0 ${utime} 0 0 0 20 0 1 0 5 0 0 18446744073709551615\n`
    await withFakeProc(47, { stat: stat('kworker/1:0-events'), cmdline: '' }, async (f) => {
      let now = 0
      const reader = f.reader(() => now)
      const names: string[] = []
      for (const [name, utime] of [
        ['kworker/1:0-events', 0],
        ['kworker/1:0-events', 0],
        ['kworker/1:0-mm_percpu_wq', 0],
        ['kworker/1:0-events', 0],
        ['kworker/1:0-events', 0],
        ['kworker/1:0-events', 40]
      ] as const) {
        f.write('stat', stat(name, utime))
        now += 1000
        const [row] = await reader.readAll()
        names.push(`${row!.name} ${row!.cpu}`)
      }
      expect(names).toEqual([
        'kworker/1:0-events null',
        'kworker/1:0-events 0',
        'kworker/1:0-mm_percpu_wq 0',
        'kworker/1:0-events 0',
        'kworker/1:0-events 0',
        'kworker/1:0-events 40'
      ])
    })
  })

  it('gives CPU % over the time since the last read, and none for another start time', async () => {
    const stat = (utime: number, start: number): string =>
      `45 (x) S 1 0 0 0 -1 4194304 0 0 0 0 ${utime} 0 0 0 20 0 1 0 ${start} 0 100 0\n`
    await withFakeProc(45, { stat: stat(100, 5), cmdline: 'x\x00' }, async (f) => {
      let now = 0
      const reader = f.reader(() => now)
      expect((await reader.readAll())[0]!.cpu).toBeNull()
      f.write('stat', stat(125, 5))
      now = 500
      expect((await reader.readAll())[0]!.cpu).toBe(50)
      // same PID, another start time: another process, no % yet
      f.write('stat', stat(1, 99))
      now = 1000
      expect((await reader.readAll())[0]!.cpu).toBeNull()
    })
  })

  it('does not list a process that exits while it is first read', async () => {
    // A fake /proc where the stat is there but the command line is not: gone meanwhile.
    const stat = '46 (x) S 1 0 0 0 -1 4194304 0 0 0 0 1 0 0 0 20 0 1 0 5 0 100 0\n'
    await withFakeProc(46, { stat }, async (f) => {
      const reader = f.reader()
      expect(await reader.readAll()).toEqual([])
      f.write('cmdline', 'x\x00')
      expect(await reader.readAll()).toMatchObject([{ pid: 46, command: 'x' }])
    })
  })

  it("reads an empty command line once more (mid-exec), a kernel thread's or a zombie's no more", async () => {
    const stat = '44 (node) R 1 0 0 0 -1 4194304 0 0 0 0 1 0 0 0 20 0 1 0 5 0 100 0\n'
    await withFakeProc(44, { stat, cmdline: '' }, async (f) => {
      const reader = f.reader()
      expect((await reader.readAll())[0]!.command).toBe('[node]')
      f.write('cmdline', 'node\x00app.js\x00')
      expect((await reader.readAll())[0]!.command).toBe('node app.js')
      // still empty on the second read: left so (were it read again, it would be unreadable)
      f.write('cmdline', '')
      const other = f.reader()
      await other.readAll()
      await other.readAll()
      f.remove('cmdline')
      const [zombie] = await other.readAll()
      expect(zombie).toMatchObject({ command: '[node]' })
      expect(zombie!.unreadable).toBeUndefined()
    })
  })
})
