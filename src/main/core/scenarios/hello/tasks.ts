// The `hello` scenario's child task.
// Children run tasks by name: child/tasks.ts merges these into its registry.

export const helloTasks = {
  /** The `hello` scenario: say who we are and who our parent is, then stay alive `holdMs`. */
  async hello(holdMs = 0): Promise<{ pid: number; ppid: number }> {
    process.stdout.write(`hello from pid ${process.pid}, parent pid ${process.ppid}\n`)
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs))
    return { pid: process.pid, ppid: process.ppid }
  }
}
