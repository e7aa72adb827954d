import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import type { EventWith } from '../scenarios/kit/verdictKit'
import { scriptFile, watchProgram } from '../../../../test/python/watchProgram'
import { NO_WATCH } from '../../../../test/platforms'

function of<K extends RunEvent['type']>(events: Iterable<RunEvent>, type: K): EventWith<K>[] {
  return [...events].filter((e) => e.type === type) as EventWith<K>[]
}

const QUEUE_LOCK_PIPE_POOL = `
import multiprocessing as mp, sys
def send(q, l, i):
    with l:
        print('sender', i)
    q.put('Hello %d' % i)
if __name__ == '__main__':
    mp.set_start_method(sys.argv[1])
    q = mp.Queue(); l = mp.Lock()
    ps = [mp.Process(target=send, args=(q, l, i), name='sender-%d' % i) for i in range(3)]
    for p in ps: p.start()
    print(q.get()); print(q.get())
    for p in ps: p.join()
    a, b = mp.Pipe()
    a.send('x'); print(b.recv())
    pool = mp.Pool(2)
    print(pool.map(abs, [-1, -2, -3]))
    pool.close(); pool.join()
`

describe.skipIf(NO_WATCH).each(['fork', 'spawn'])(`a program under %s${NO_WATCH}`, (method) => {
  it('shows its processes, queue, lock, pipe and pool tasks as the run events', async () => {
    const run = await watchProgram([scriptFile(QUEUE_LOCK_PIPE_POOL), method])
    const ev = [...run.events]
    expect(run.status).toBe('finished')
    expect(run.result?.exitCode).toBe(0)
    expect(run.verdict?.passed).toBe(true)
    const main = run.result!.mainPid!
    const spawns = of(ev, 'proc.spawn')
    const senders = spawns.filter((s) => s.role === 'sender')
    expect(senders.map((s) => s.name).sort()).toEqual(['sender-0', 'sender-1', 'sender-2'])
    expect(senders.every((s) => s.ppid === main)).toBe(true)
    expect(spawns.filter((s) => s.role === 'worker')).toHaveLength(2)
    // one spawn and one exit per process, exits after spawns
    const pids = spawns.map((s) => s.pid)
    expect(new Set(pids).size).toBe(pids.length)
    const exits = of(ev, 'proc.exit')
    for (const s of senders) expect(exits.find((e) => e.pid === s.pid)?.code).toBe(0)
    expect(exits.find((e) => e.pid === main)?.code).toBe(0)
    // the user's queue, lock and pipe only (a Queue's own locks and pipe, the pool's queues: none)
    expect(new Set(of(ev, 'queue.put').map((e) => e.queue))).toEqual(new Set(['queue']))
    expect(of(ev, 'queue.put')).toHaveLength(3)
    expect(of(ev, 'queue.get').map((e) => e.pid)).toEqual([main, main])
    expect(
      of(ev, 'queue.depth')
        .filter((e) => e.queue === 'queue')
        .at(-1)?.depth
    ).toBe(1)
    expect(new Set(of(ev, 'lock.acquire').map((e) => e.lock))).toEqual(new Set(['lock']))
    expect(of(ev, 'lock.acquire')).toHaveLength(3)
    expect(of(ev, 'pipe.send').map((e) => e.pipe)).toEqual(['pipe'])
    expect(of(ev, 'pipe.recv')).toHaveLength(1)
    expect(of(ev, 'task.queued')).toHaveLength(3)
    expect(of(ev, 'task.end').every((e) => e.ok)).toBe(true)
    // output per process
    const out = of(ev, 'stdout')
    for (const s of senders)
      expect(out.some((o) => o.pid === s.pid && o.text.includes('sender'))).toBe(true)
    expect(
      out
        .filter((o) => o.pid === main)
        .map((o) => o.text)
        .join('')
    ).toContain('[1, 2, 3]')
    // in time order
    const ts = ev.map((e) => e.t)
    expect(ts).toEqual([...ts].sort((a, b) => a - b))
  })
})
