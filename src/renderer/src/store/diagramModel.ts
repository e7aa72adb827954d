// What the diagram draws besides the process tree: each channel (queue, pipe, lock, pool) with
// the processes that use it and its state now (depth against maxsize, the lock's holder and
// its waiters in order, the pool's backlog), and the recent message movements, aggregated per
// channel, process and direction in MOVE_BUCKET_MS of run time so a 100,000-message run
// animates a few dots that say how many they stand for. Built from the run's events like every
// other view, so a replay's scrubber and a watched program get it for free.
import { assertNever } from '../../../shared/assertNever'
import type { RunEvent } from '../../../shared/events'
import { appendBounded } from './bounded'

export type ChannelKind = 'queue' | 'pipe' | 'lock' | 'pool'

/** Processes named per channel at most (a pool of 10,000 workers keeps counting). */
export const MAX_USERS = 512
/** Movements kept (the view animates only the newest second or so). */
export const MAX_MOVES = 256
export const MOVE_BUCKET_MS = 250

export interface Channel {
  kind: ChannelKind
  name: string
  /** Processes that put/send into it or took the lock, in first-use order. */
  writers: readonly number[]
  /** Processes that get/receive from it (a pool's workers). */
  readers: readonly number[]
  /** Queue depth or pool backlog. */
  depth: number
  /** A bounded queue's maxsize; 0 = unbounded. */
  maxsize: number
  /** Messages (or tasks) through it so far. */
  messages: number
  holder: number | null
  /** Processes waiting for the lock (or blocked on the queue), in the order they began. */
  waiters: readonly number[]
  /** Pipe ends closed, by PID. */
  closed: readonly number[]
  /** Pool tasks running now. */
  running: number
}

export interface Move {
  channel: string
  pid: number
  /** 'in': the process puts/sends/queues into the channel; 'out': it takes from it. */
  dir: 'in' | 'out'
  t: number
  count: number
  /** Grows with every movement, so the view can restart an animation for a new one. */
  seq: number
}

export interface DiagramState {
  channels: ReadonlyMap<string, Channel>
  moves: readonly Move[]
  totalMoves: number
}

export const emptyDiagram: DiagramState = { channels: new Map(), moves: [], totalMoves: 0 }

/** A run's tasks are not named by pool in the events: one pool per run, under this key. */
export const POOL_KEY = 'pool'

/** A channel's key in `channels` (and its movements'). */
export function channelKey(c: Pick<Channel, 'kind' | 'name'>): string {
  return c.kind === 'pool' ? POOL_KEY : `${c.kind}:${c.name}`
}

const RELEVANT = new Set<RunEvent['type']>([
  'queue.depth',
  'queue.put',
  'queue.get',
  'queue.wait',
  'queue.timeout',
  'task.queued',
  'task.start',
  'task.end',
  'lock.wait',
  'lock.acquire',
  'lock.release',
  'lock.timeout',
  'pipe.send',
  'pipe.recv',
  'pipe.close'
])

function emptyChannel(kind: ChannelKind, name: string): Channel {
  return {
    kind,
    name,
    writers: [],
    readers: [],
    depth: 0,
    maxsize: 0,
    messages: 0,
    holder: null,
    waiters: [],
    closed: [],
    running: 0
  }
}

const withPid = (list: readonly number[], pid: number): readonly number[] =>
  list.includes(pid) || list.length >= MAX_USERS ? list : [...list, pid]
const withoutPid = (list: readonly number[], pid: number): readonly number[] =>
  list.includes(pid) ? list.filter((p) => p !== pid) : list

export function applyDiagram(prev: DiagramState, events: readonly RunEvent[]): DiagramState {
  if (!events.some((e) => RELEVANT.has(e.type))) return prev
  const channels = new Map(prev.channels)
  const moves = prev.moves.slice(-MAX_MOVES)
  let seq = prev.totalMoves
  const get = (kind: ChannelKind, name: string): Channel =>
    channels.get(channelKey({ kind, name })) ?? emptyChannel(kind, name)
  const set = (c: Channel): void => void channels.set(channelKey(c), c)
  const pool = (): Channel => get('pool', 'pool')
  const move = (c: Channel, pid: number, dir: Move['dir'], t: number, count = 1): void => {
    const channel = channelKey(c)
    seq++
    // The newest movements of this channel, process and direction in the same bucket merge.
    for (let i = moves.length - 1; i >= 0 && moves[i]!.t > t - MOVE_BUCKET_MS; i--) {
      const m = moves[i]!
      if (m.channel === channel && m.pid === pid && m.dir === dir) {
        moves[i] = { ...m, count: m.count + count, t, seq }
        return
      }
    }
    moves.push({ channel, pid, dir, t, count, seq })
  }
  for (const e of events) {
    switch (e.type) {
      case 'queue.depth':
        // the pool's task queue reports as queue "pool:<name>"; its backlog is counted below
        if (e.queue.startsWith('pool:')) set({ ...pool(), name: e.queue.slice(5) })
        else set({ ...get('queue', e.queue), depth: e.depth, maxsize: e.maxsize ?? 0 })
        break
      case 'queue.put': {
        const c = get('queue', e.queue)
        const next = {
          ...c,
          writers: withPid(c.writers, e.pid),
          waiters: withoutPid(c.waiters, e.pid),
          messages: c.messages + 1
        }
        set(next)
        move(next, e.pid, 'in', e.t)
        break
      }
      case 'queue.get': {
        const c = get('queue', e.queue)
        const next = {
          ...c,
          readers: withPid(c.readers, e.pid),
          waiters: withoutPid(c.waiters, e.pid)
        }
        set(next)
        move(next, e.pid, 'out', e.t)
        break
      }
      case 'queue.wait': {
        const c = get('queue', e.queue)
        const users =
          e.op === 'put'
            ? { writers: withPid(c.writers, e.pid) }
            : { readers: withPid(c.readers, e.pid) }
        set({ ...c, ...users, waiters: withPid(c.waiters, e.pid) })
        break
      }
      case 'queue.timeout': {
        const c = get('queue', e.queue)
        set({ ...c, waiters: withoutPid(c.waiters, e.pid) })
        break
      }
      case 'task.queued': {
        const c = pool()
        set({ ...c, messages: c.messages + 1, depth: c.depth + 1 })
        break
      }
      case 'task.start': {
        const c = pool()
        const next = {
          ...c,
          readers: withPid(c.readers, e.worker),
          running: c.running + 1,
          depth: Math.max(0, c.depth - 1)
        }
        set(next)
        move(next, e.worker, 'out', e.t)
        break
      }
      case 'task.end': {
        const c = pool()
        set({ ...c, running: Math.max(0, c.running - 1) })
        break
      }
      case 'lock.wait': {
        const c = get('lock', e.lock)
        set({ ...c, writers: withPid(c.writers, e.pid), waiters: withPid(c.waiters, e.pid) })
        break
      }
      case 'lock.acquire': {
        const c = get('lock', e.lock)
        const next = {
          ...c,
          writers: withPid(c.writers, e.pid),
          waiters: withoutPid(c.waiters, e.pid),
          holder: e.pid,
          messages: c.messages + 1
        }
        set(next)
        move(next, e.pid, 'out', e.t)
        break
      }
      case 'lock.release': {
        const c = get('lock', e.lock)
        set({
          ...c,
          holder: c.holder === e.pid ? null : c.holder,
          waiters: withoutPid(c.waiters, e.pid)
        })
        break
      }
      case 'lock.timeout': {
        const c = get('lock', e.lock)
        set({ ...c, waiters: withoutPid(c.waiters, e.pid) })
        break
      }
      case 'pipe.send':
      case 'pipe.recv': {
        const c = get('pipe', e.pipe)
        const count = e.count ?? 1
        const send = e.type === 'pipe.send'
        const next = {
          ...c,
          // a pipe is two-way: both ends are its users, in the order they were seen
          writers: withPid(c.writers, e.pid),
          messages: c.messages + (send ? count : 0)
        }
        set(next)
        move(next, e.pid, send ? 'in' : 'out', e.t, count)
        break
      }
      case 'pipe.close': {
        const c = get('pipe', e.pipe)
        set({ ...c, writers: withPid(c.writers, e.pid), closed: withPid(c.closed, e.pid) })
        break
      }
      case 'run.start':
      case 'proc.spawn':
      case 'proc.ready':
      case 'proc.exit':
      case 'stdout':
      case 'stderr':
      case 'sample':
      case 'log':
      case 'run.end':
        break
      default:
        assertNever(e, 'event')
    }
  }
  return {
    channels,
    moves: appendBounded([], moves, MAX_MOVES),
    totalMoves: seq
  }
}
