import { readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli } from '../../../test/headless/runCliCapture'
import { startTree } from '../core/explorer/testTree'
import type { PsRow } from './psCli'
import { EXIT } from './runCli'

const linux = process.platform === 'linux'

/** ppid, start time and command of `pid` from /proc now; null if it is gone. */
function fromProc(
  pid: number
): { ppid: number; start: string; command: string; uid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '')
    return {
      ppid: Number(f[1]),
      start: f[19]!,
      command: raw.split('\0').join(' '),
      uid: statSync(`/proc/${pid}`).uid
    }
  } catch {
    return null
  }
}

describe.runIf(linux)('poolscope ps', () => {
  it('--json agrees with /proc for every PID that lived through both reads', async () => {
    const tree = await startTree('for i in 1 2 3; do sleep 30 & echo $!; done; echo ready; wait')
    await tree.execed('sleep')
    try {
      const before = new Map(
        readdirSync('/proc')
          .filter((n) => /^\d+$/.test(n))
          .map((n) => [Number(n), fromProc(Number(n))] as const)
      )
      const { code, out } = await cli('ps', '--json')
      expect(code).toBe(EXIT.ok)
      const rows = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as PsRow)
      let compared = 0
      for (const row of rows) {
        const a = before.get(row.pid)
        const b = fromProc(row.pid)
        // lived through both reads: there before and after, as the same process
        if (!a || !b || a.start !== b.start) continue
        expect(row.ppid, `ppid of ${row.pid}`).toBe(b.ppid)
        expect(row.uid, `uid of ${row.pid}`).toBe(b.uid)
        // a fork that execs between the reads keeps its start time but changes its command
        // one over 4 KiB is cut with "…" (ps shows the snapshot; details() has it whole)
        if (b.command && a.command === b.command) {
          if (row.command.endsWith('…') && row.command.length <= b.command.length)
            expect(b.command.startsWith(row.command.slice(0, -1)), `command of ${row.pid}`).toBe(
              true
            )
          else expect(row.command, `command of ${row.pid}`).toBe(b.command)
        }
        expect(typeof row.state).toBe('string')
        expect(row.rss).toEqual(expect.any(Number))
        compared++
      }
      expect(compared).toBeGreaterThan(5)
      const sleeps = rows.filter((r) => tree.children.includes(r.pid))
      expect(sleeps.map((r) => [r.ppid, r.command])).toEqual(
        tree.children.map(() => [tree.pid, 'sleep 30'])
      )
      // CPU is measured over two readings: a number, not "no data yet", for a live process
      expect(sleeps.every((r) => typeof r.cpu === 'number')).toBe(true)
    } finally {
      await tree.kill()
    }
  })

  it('--tree puts parents before their children, one level deeper', async () => {
    const tree = await startTree('sleep 30 & echo $!; echo ready; wait')
    await tree.execed('sleep')
    try {
      const { out } = await cli('ps', '--tree', '--json')
      const rows = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as PsRow)
      const at = (pid: number): number => rows.findIndex((r) => r.pid === pid)
      const parent = rows[at(tree.pid)]!
      const child = rows[at(tree.children[0]!)]!
      expect(at(tree.pid)).toBeLessThan(at(child.pid))
      expect(child.depth).toBe(parent.depth! + 1)
      const plain = await cli('ps', '--tree')
      expect(plain.out.split('\n')[0]).toMatch(/PID\s+PPID\s+USER/)
      expect(plain.out).toMatch(new RegExp(`\\n\\s*${child.pid}\\s+${tree.pid}\\s.*└ sleep 30`))
    } finally {
      await tree.kill()
    }
  })
})

describe.runIf(linux)('poolscope attach', () => {
  it('prints the tree as JSON events until --timeout, and leaves it running', async () => {
    const tree = await startTree('sleep 30 & echo $!; echo ready; wait')
    try {
      const { code, out } = await cli('attach', String(tree.pid), '--json', '--timeout', '0.5')
      expect(code).toBe(EXIT.ok)
      const events = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
      expect(events[0]).toMatchObject({ type: 'run.start', scenario: 'attach' })
      expect(events.filter((e) => e.type === 'proc.spawn').map((e) => e.pid)).toEqual([
        tree.pid,
        tree.children[0]
      ])
      expect(events.some((e) => e.type === 'sample')).toBe(true)
      expect(events.at(-1)).toMatchObject({ type: 'run.end', status: 'finished' })
      expect(fromProc(tree.children[0]!)).not.toBeNull()
    } finally {
      await tree.kill()
    }
  })

  it('a PID that is not running, or not a PID, is a bad argument', async () => {
    const tree = await startTree('echo ready')
    await new Promise((r) => tree.bash.once('close', r))
    const gone = await cli('attach', String(tree.pid))
    expect(gone.code).toBe(EXIT.badArgument)
    expect(gone.err).toBe(`poolscope: no live process with pid ${tree.pid}\n`)
    const bad = await cli('attach', '12x')
    expect(bad.code).toBe(EXIT.badArgument)
    expect(bad.err).toContain("not a process id: '12x'")
  })
})
