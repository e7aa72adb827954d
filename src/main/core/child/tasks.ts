// The task registry: functions cannot cross processes, so a child runs tasks by name.
export type Task = (...args: never[]) => unknown

export const tasks: Record<string, Task> = {
  /** The `hello` scenario: say who we are and who our parent is, then stay alive `holdMs`. */
  async hello(holdMs = 0): Promise<{ pid: number; ppid: number }> {
    process.stdout.write(`hello from pid ${process.pid}, parent pid ${process.ppid}\n`)
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs))
    return { pid: process.pid, ppid: process.ppid }
  },
  /** Keeps one core busy for `ms` (monitor tests); `ignoreSigterm` leaves only SIGKILL to end it.
   *  Returns the CPU time this process got meanwhile, by its own account. */
  burn(ms: number, ignoreSigterm = false): { cpuMs: number; wallMs: number } {
    if (ignoreSigterm) process.on('SIGTERM', () => {})
    process.stdout.write(`burning for ${ms} ms\n`) // says the task (and its handler) is on
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    while (performance.now() - t0 < ms);
    const { user, system } = process.cpuUsage(cpu0)
    return { cpuMs: (user + system) / 1000, wallMs: performance.now() - t0 }
  }
}

export function hasTask(name: string): boolean {
  return Object.hasOwn(tasks, name)
}
