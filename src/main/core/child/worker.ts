// Entry of every child process PoolScope forks (its own bundle: out/main/worker.js).
// Runs the tasks the host sends, one at a time in arrival order (a pool may send the next
// tasks before this one ends, to hide the round trip), over the JSON-lines channel on fd 3.
import { Socket } from 'node:net'
import type { ChildMessage, HandleMessage, HostMessage } from '../protocol'
import { CHANNEL_FD, ENV_PARENT_PID, toErrorInfo } from '../protocol'
import { decodeArgs, pipesFlushed } from './handles'
import { LineChannel } from './LineChannel'
import { lineWithPacked, packNumbers, splitPacked, unpackNumbers } from './packedNumbers'
import { flushTallies } from './PipeTally'
import { watchParent } from './parentWatch'
import { attachChannel, onReply, receiveSocket } from './runtime'
import { hasTask, tasks } from './tasks'

type RunMessage = Extract<HostMessage, { type: 'run' }>

const queued: RunMessage[] = []
let busy = false
let exitWhenIdle = false

// Results of tasks that end in the same tick go out as one message (a pool's short tasks);
// a task that awaits ends in a later tick, so its result is not held back.
let doneIds: number[] = []
let doneValues: unknown[] = []

function flushResults(): void {
  if (doneIds.length === 0) return
  const [ids, values] = [doneIds, doneValues]
  doneIds = []
  doneValues = []
  channel.send(
    ids.length === 1
      ? { type: 'result', id: ids[0]!, value: values[0] }
      : { type: 'results', ids, values }
  )
}

function sendResult(id: number, value: unknown): void {
  if (doneIds.length === 0) process.nextTick(flushResults)
  doneIds.push(id)
  doneValues.push(value)
}

/** A map chunk's results: packed when they are plain numbers (see packedNumbers.ts). */
function sendMapResult(id: number, values: unknown[]): void {
  const p = packNumbers(values)
  if (!p) return sendResult(id, values)
  flushResults() // in order
  channel.sendLine(lineWithPacked(JSON.stringify({ type: 'result', id, packed: p.packed }), p.data))
}

function send(msg: ChildMessage): void {
  flushResults() // in order
  channel.send(msg)
}

function exitNow(code: number): void {
  // Results must reach the host, and closed pipe ends their peers, before the process goes.
  flushResults()
  void pipesFlushed().then(() => {
    flushTallies()
    channel.end(() => process.exit(code))
  })
}

async function runOne(msg: RunMessage): Promise<boolean> {
  try {
    if (!hasTask(msg.task)) throw new Error(`unknown task '${msg.task}'`)
    const fn = tasks[msg.task] as (...args: unknown[]) => unknown
    const args = decodeArgs(msg.args)
    if (msg.map) {
      const extra = args.slice(1)
      const items = msg.packed
        ? unpackNumbers(msg.packed, args[0] as string)
        : (args[0] as unknown[])
      const results: unknown[] = new Array(items.length)
      for (let i = 0; i < items.length; i++) {
        const r = extra.length === 0 ? fn(items[i]) : fn(items[i], ...extra)
        results[i] = r instanceof Promise ? await r : r
      }
      sendMapResult(msg.id, results)
    } else {
      sendResult(msg.id, await fn(...args))
    }
    return true
  } catch (err) {
    send({ type: 'error', id: msg.id, error: toErrorInfo(err) })
    return false
  }
}

async function drain(): Promise<void> {
  if (busy) return
  busy = true
  while (queued.length > 0) {
    const msg = queued.shift()!
    const ok = await runOne(msg)
    // Like a Python Process: exit code 1 when the target raised.
    if (msg.exit) return exitNow(ok ? 0 : 1)
  }
  busy = false
  if (exitWhenIdle) exitNow(0)
}

function onLine(line: string): void {
  const { json, data } = splitPacked(line)
  const msg = JSON.parse(json) as HostMessage
  // A map chunk's packed items follow the JSON (lineWithPacked): they are args[0].
  if (data !== undefined && msg.type === 'run') msg.args[0] = data
  switch (msg.type) {
    case 'run':
      queued.push(msg)
      void drain()
      return
    case 'batch':
      for (let i = 0; i < msg.ids.length; i++) {
        queued.push({
          type: 'run',
          id: msg.ids[i]!,
          task: msg.task,
          args: msg.args[i]!,
          map: msg.map
        })
      }
      void drain()
      return
    case 'reply':
      onReply(msg)
      return
    case 'exit':
      exitWhenIdle = true
      if (!busy) exitNow(0)
      return
  }
}

if (!process.send) {
  process.stderr.write('poolscope worker: must be started by the PoolScope host (no IPC channel)\n')
  process.exit(2)
}
watchParent(Number(process.env[ENV_PARENT_PID]) || process.ppid)
const socket = new Socket({ fd: CHANNEL_FD, readable: true, writable: true })
// The host closing our channel means it is gone or let go of us.
const channel = new LineChannel(socket, onLine, () => process.exit(0))
attachChannel(channel)
process.on('message', (m: HandleMessage, handle: unknown) => {
  if (m?.type === 'pipe-end' && handle instanceof Socket) receiveSocket(m.key, handle)
})
send({ type: 'ready', pid: process.pid, ppid: process.ppid })
