// Real programs under watch: what a process tree can do to the watcher (fork without
// multiprocessing, non-Python children, os._exit, SIGKILL, orphans, a pool left mid-task, junk
// on the socket, a flood of output) and what the watcher promises (one spawn and one exit per
// process, the clock, internal objects never shown, nothing left after Stop).
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { isAlive } from '../procfs'
import type { EventWith } from '../scenarios/kit/verdictKit'
import { scriptFile, startProgram, watchProgram } from '../../../../test/python/watchProgram'

function of<K extends RunEvent['type']>(events: Iterable<RunEvent>, type: K): EventWith<K>[] {
  return [...events].filter((e) => e.type === type) as EventWith<K>[]
}

function oneSpawnOneExitEach(events: RunEvent[]): void {
  const spawns = of(events, 'proc.spawn').map((e) => e.pid)
  const exits = of(events, 'proc.exit').map((e) => e.pid)
  expect(new Set(spawns).size).toBe(spawns.length)
  expect(new Set(exits)).toEqual(new Set(spawns))
  expect(exits.length).toBe(spawns.length)
}

describe('watching real programs', () => {
  it('a program without multiprocessing: its fork, a Python grandchild and a sleep are shown', async () => {
    const run = await watchProgram([
      scriptFile(`
import os, subprocess, sys
pid = os.fork()
if pid == 0:
    print('forked child', os.getpid())
    os._exit(0)
os.waitpid(pid, 0)
subprocess.run([sys.executable, '-c', 'import os; print("grandchild", os.getpid())'])
subprocess.run(['sleep', '0.4'])
os.system('sleep 0.4')
`)
    ])
    const ev = [...run.events]
    const spawns = of(ev, 'proc.spawn')
    const main = run.result!.mainPid!
    const fork = spawns.find((s) => s.role === 'fork')
    expect(fork?.ppid).toBe(main)
    const out = of(ev, 'stdout')
    expect(out.some((o) => o.pid === fork?.pid && o.text.includes('forked child'))).toBe(true)
    const py = spawns.filter((s) => s.role === 'subprocess' && s.ppid === main)
    expect(py.length).toBe(2) // the Python grandchild and `sleep`, named by the parent
    expect(py.some((s) => s.name === 'sleep')).toBe(true)
    const grandchild = out.find((o) => o.text.startsWith('grandchild'))
    expect(grandchild && py.some((s) => s.pid === grandchild.pid)).toBe(true)
    // os.system: the shell is found in /proc (nothing in it reports)
    expect(spawns.some((s) => s.role === 'external' && s.name === 'sh')).toBe(true)
    oneSpawnOneExitEach(ev)
    expect(run.verdict?.passed).toBe(true)
  })

  it('os._exit, SIGKILL of a child and a double-forked orphan: every exit with its code', async () => {
    const run = await watchProgram([
      scriptFile(`
import multiprocessing as mp, os, time
def quits():
    print('about to _exit', flush=True)
    os._exit(3)
def waits():
    time.sleep(30)
if __name__ == '__main__':
    mp.set_start_method('fork')
    a = mp.Process(target=quits, name='quits'); a.start(); a.join()
    b = mp.Process(target=waits, name='killed'); b.start(); time.sleep(0.3); b.kill(); b.join()
    if os.fork() == 0:
        if os.fork() == 0:
            time.sleep(0.5)
            os._exit(7)
        os._exit(0)
`)
    ])
    const ev = [...run.events]
    const spawns = of(ev, 'proc.spawn')
    const exitOf = (pid?: number) => of(ev, 'proc.exit').find((e) => e.pid === pid)
    const quits = spawns.find((s) => s.name === 'quits')
    expect(exitOf(quits?.pid)?.code).toBe(3)
    expect(of(ev, 'stdout').some((o) => o.pid === quits?.pid && o.text.includes('_exit'))).toBe(
      true
    )
    expect(exitOf(spawns.find((s) => s.name === 'killed')?.pid)?.signal).toBe('SIGKILL')
    // the orphan came back to the launcher, which reaped it: code 7, after the main exited
    const codes = of(ev, 'proc.exit').map((e) => e.code)
    expect(codes).toContain(7)
    oneSpawnOneExitEach(ev)
  })

  it('leaving `with Pool` mid-task: the started task never ends, the workers are terminated', async () => {
    const run = await watchProgram([
      scriptFile(`
import multiprocessing as mp, time
if __name__ == '__main__':
    mp.set_start_method('fork')
    with mp.Pool(2) as pool:
        r = pool.apply_async(time.sleep, (30,))
        time.sleep(0.5)
`)
    ])
    const ev = [...run.events]
    expect(of(ev, 'task.start')).toHaveLength(1)
    expect(of(ev, 'task.end')).toHaveLength(0)
    const workers = of(ev, 'proc.spawn').filter((s) => s.role === 'worker')
    expect(workers).toHaveLength(2)
    // the worker that ran the task was terminated (the idle one may have exited on its own)
    const busy = of(ev, 'task.start')[0]!.worker
    expect(of(ev, 'proc.exit').find((e) => e.pid === busy)?.signal).toBe('SIGTERM')
    // multiprocessing's own queues and pipes never show as the program's
    expect(of(ev, 'queue.put').length + of(ev, 'pipe.send').length).toBe(0)
    expect(run.result?.exitCode).toBe(0)
  })

  it('junk and oversized lines on the socket are warnings; the program goes on', async () => {
    const run = await watchProgram([
      scriptFile(`
import os, socket
s = socket.socket(socket.AF_UNIX)
s.connect(os.environ['POOLSCOPE_SOCK'])
s.sendall(b'not json\\n' + b'{"type":"proc.spawn"}\\n' + b'x' * 100000 + b'\\n')
s.sendall(b'{"type":"lock.acquire","ns":1,"lock":"nobody","pid":1}\\n')
s.close()
print('still here')
`)
    ])
    const ev = [...run.events]
    const warns = of(ev, 'log').filter((l) => l.level === 'warn' && l.text.startsWith('shim:'))
    expect(warns.length).toBe(3)
    expect(warns.some((w) => w.text.includes('100000') || w.text.includes('over'))).toBe(true)
    expect(of(ev, 'lock.acquire')).toHaveLength(0) // an undeclared lock is nobody's
    expect(of(ev, 'stdout').some((o) => o.text.includes('still here'))).toBe(true)
    expect(run.verdict?.passed).toBe(true)
  })

  it("the clock: a Python time falls between the run's start and the event that carries it", async () => {
    const run = await watchProgram([
      scriptFile('import time\nfor _ in range(20):\n    print(time.monotonic_ns())\n')
    ])
    const origin = run.originNs
    const lines = of([...run.events], 'stdout').filter((o) => /^\d+$/.test(o.text))
    expect(lines).toHaveLength(20)
    for (const o of lines) {
      const ns = BigInt(o.text)
      expect(ns >= origin).toBe(true)
      // the print is stamped when it is written, just after the time was read
      expect(Number(ns - origin) / 1e6).toBeLessThanOrEqual(o.t + 0.001)
    }
  })

  it('a flood of output arrives whole, in order', async () => {
    const run = await watchProgram([
      scriptFile('import sys\nfor i in range(5000):\n    print(i)\n')
    ])
    const text = of([...run.events], 'stdout')
      .map((o) => o.text)
      .join('')
    expect(text.split('\n').slice(0, -1).map(Number)).toEqual([...Array(5000).keys()])
  })

  it('Stop ends the whole tree, orphans included: nothing survives', async () => {
    const { run, service } = startProgram([
      scriptFile(`
import multiprocessing as mp, os, time
if __name__ == '__main__':
    mp.set_start_method('fork')
    pool = mp.Pool(2)
    if os.fork() == 0:
        if os.fork() == 0:
            time.sleep(60)
        os._exit(0)
    print('ready', flush=True)
    time.sleep(60)
`)
    ])
    // main, 2 workers, the forked child and the orphan it leaves
    while (of(run.events, 'proc.spawn').length < 5) await new Promise((r) => setTimeout(r, 50))
    const pids = of(run.events, 'proc.spawn').map((s) => s.pid)
    await run.stop()
    await service.shutdown()
    expect(run.status).toBe('stopped')
    for (const pid of pids) expect(isAlive(pid)).toBe(false)
  })
})
