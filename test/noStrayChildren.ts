// Every node test must leave no child process behind: after each test, wait briefly for
// children still exiting, then fail the test if any process tagged with our PID remains.
import { afterEach } from 'vitest'
import { processesTaggedWith } from '../src/main/core/procfs'

afterEach(async () => {
  let left = processesTaggedWith(process.pid)
  for (let i = 0; i < 50 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 40))
    left = processesTaggedWith(process.pid)
  }
  if (left.length > 0) {
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    throw new Error(`test left child processes behind: ${left.join(', ')}`)
  }
})
