// processTree and TreeScanner against real processes: a shell with two sleeps under it, and a
// sleep started beside it (outside its tree).
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { processTree, TreeScanner } from './procTree'

const started: ChildProcess[] = []

function start(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: 'ignore' })
  started.push(child)
  return child
}

async function until<T>(f: () => T | undefined, ms = 20_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const v = f()
    if (v !== undefined) return v
  }
  throw new Error('timed out')
}

afterEach(() => {
  for (const c of started.splice(0)) c.kill('SIGKILL')
})

describe('TreeScanner', () => {
  it('finds what processTree finds, reading only processes it does not know are outside', async () => {
    const before = start('sleep', ['30']) // already running: outside for good
    await until(() => (before.pid ? true : undefined))
    const scanner = new TreeScanner()
    const root = start('sh', ['-c', 'sleep 30 & sleep 30 & wait'])
    const beside = start('sleep', ['30']) // started after, but not under root
    const tree = await until(() => {
      const t = scanner.scan(root.pid!)
      // (a child read between its fork and its exec is still called sh)
      return t.length === 2 && t.every((p) => p.comm === 'sleep') ? t : undefined
    })
    expect(tree.every((p) => p.ppid === root.pid)).toBe(true)
    const full = processTree(root.pid!)
    expect(new Set(tree.map((p) => p.pid))).toEqual(new Set(full.map((p) => p.pid)))
    // The next look reads the tree's two processes (and whatever else started meanwhile on a
    // busy machine), never the process beside it or those that ran before.
    const again = scanner.scan(root.pid!)
    expect(again.map((p) => p.pid)).toEqual(tree.map((p) => p.pid))
    expect(again.map((p) => p.pid)).not.toContain(beside.pid)
    expect(again.map((p) => p.pid)).not.toContain(before.pid)
    const machine = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length
    expect(scanner.reads).toBeLessThan(machine) // a whole scan reads every one of them
    // A child that appears later is found; one that exits is gone.
    process.kill(tree[0]!.pid, 'SIGKILL')
    const after = await until(() => {
      const t = scanner.scan(root.pid!)
      return t.length === 1 ? t : undefined
    })
    expect(after[0]!.pid).toBe(tree[1]!.pid)
  }, 60_000)
})
