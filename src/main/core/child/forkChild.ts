// The one place PoolScope starts an OS process: explicit execArgv, the parent's PID in the
// environment, a lower priority than the host's, and registration so that nothing outlives
// the host.
import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { ENV_HOST_PID, ENV_PARENT_PID } from '../protocol'
import { childNice, lowerPriority } from './childNice'
import { trackChild } from './liveChildren'
import { workerEntry } from './workerEntry'

export function forkChild(): ChildProcess {
  const nice = childNice() // a bad setting fails here, before anything starts
  const child = fork(workerEntry(), [], {
    execArgv: [],
    // fd 3 (CHANNEL_FD) carries the JSON-lines host channel; Node's IPC (fd 4) only passes
    // socket handles for pipe ends and tells the child when the host lets go.
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
    env: {
      ...process.env,
      // Inside Electron, process.execPath is the Electron binary: make it behave as Node.
      ELECTRON_RUN_AS_NODE: '1',
      [ENV_PARENT_PID]: String(process.pid),
      [ENV_HOST_PID]: String(process.pid)
    }
  })
  if (child.pid !== undefined) lowerPriority(child.pid, nice)
  trackChild(child)
  return child
}
