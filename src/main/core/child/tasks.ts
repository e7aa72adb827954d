// The task registry: functions cannot cross processes, so a child runs tasks by name.
export type Task = (...args: never[]) => unknown

export const tasks: Record<string, Task> = {
  /** The `hello` scenario: say who we are and who our parent is, then stay alive `holdMs`. */
  async hello(holdMs = 0): Promise<{ pid: number; ppid: number }> {
    process.stdout.write(`hello from pid ${process.pid}, parent pid ${process.ppid}\n`)
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs))
    return { pid: process.pid, ppid: process.ppid }
  },
  /** Keeps one core busy for `ms` (monitor tests); `ignoreSigterm` leaves only SIGKILL to end it. */
  burn(ms: number, ignoreSigterm = false): number {
    if (ignoreSigterm) process.on('SIGTERM', () => {})
    let spins = 0
    for (const end = Date.now() + ms; Date.now() < end;) spins++
    return spins
  }
}

export function hasTask(name: string): boolean {
  return Object.hasOwn(tasks, name)
}
