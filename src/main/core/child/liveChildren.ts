// Every child the host forked and that has not exited yet. On host exit (normal, uncaught
// error) the survivors are SIGKILLed, and on SIGINT/SIGTERM/SIGHUP too when no face handles
// the signal (the last resort); for SIGKILL of the host itself, the children's parent watch
// does the job.
import type { ChildProcess } from 'node:child_process'

const live = new Set<ChildProcess>()
let hooked = false

export function trackChild(child: ChildProcess): void {
  live.add(child)
  child.once('exit', () => live.delete(child))
  child.once('error', () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
      live.delete(child)
  })
  hookExit()
}

export function liveChildCount(): number {
  return live.size
}

export function killAllChildren(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
}

function hookExit(): void {
  if (hooked) return
  hooked = true
  process.once('exit', killAllChildren)
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      // A face's ShutdownCoordinator listens too: the signal is its (it stops the run, writes
      // the trace and exits in its own time). Decided when the signal comes, not when the
      // first child was forked: a pool forks before the face may have set up its handler.
      if (process.listenerCount(sig) > 1) return
      killAllChildren()
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1))
    })
  }
}
