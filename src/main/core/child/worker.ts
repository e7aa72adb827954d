// Entry of every child process PoolScope forks (its own bundle: out/main/worker.js).
import type { ChildMessage, HostMessage } from '../protocol'
import { ENV_PARENT_PID, toErrorInfo } from '../protocol'
import { hasTask, tasks } from './tasks'
import { watchParent } from './parentWatch'

function send(msg: ChildMessage): void {
  process.send?.(msg)
}

async function onMessage(msg: HostMessage): Promise<void> {
  if (msg.type !== 'run') return
  let failed = false
  try {
    if (!hasTask(msg.task)) throw new Error(`unknown task '${msg.task}'`)
    const fn = tasks[msg.task] as (...args: unknown[]) => unknown
    send({ type: 'result', value: await fn(...msg.args) })
  } catch (err) {
    failed = true
    send({ type: 'error', error: toErrorInfo(err) })
  }
  if (msg.exit) {
    // Like a Python Process: exit code 1 when the target raised.
    process.exitCode = failed ? 1 : 0
    process.disconnect?.()
  }
}

if (!process.send) {
  process.stderr.write('poolscope worker: must be started by the PoolScope host (no IPC channel)\n')
  process.exit(2)
}
watchParent(Number(process.env[ENV_PARENT_PID]) || process.ppid)
process.on('message', (m) => void onMessage(m as HostMessage))
send({ type: 'ready', pid: process.pid, ppid: process.ppid })
