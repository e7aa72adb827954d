// A child must not outlive its host: it exits when the IPC channel closes (the host died or
// let go) or when its parent PID changes (reparented to init after a SIGKILL of the host).
export function watchParent(parentPid: number, intervalMs = 500): void {
  process.on('disconnect', () => process.exit())
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) process.exit(0)
  }, intervalMs)
  timer.unref()
}
