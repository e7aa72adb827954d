// Every node test must leave no child process behind: after each test, wait briefly for
// children still exiting, then fail the test if any process tagged with our PID remains.
// Only Linux shows other processes' environments (the tag); elsewhere the check falls back to
// the host's own children that have not exited (reparented grandchildren are not looked for).
import { afterEach } from 'vitest'
import { liveChildCount } from '../src/main/core/child/liveChildren'
import { canFindTagged, processesTaggedWith } from '../src/main/core/procfs'

const tagged = canFindTagged()
const remaining = () => (tagged ? processesTaggedWith(process.pid).length : liveChildCount())

afterEach(async () => {
  for (let i = 0; i < 50 && remaining() > 0; i++) await new Promise((r) => setTimeout(r, 40))
  if (remaining() === 0) return
  if (!tagged) throw new Error(`test left ${liveChildCount()} child process(es) behind`)
  const left = processesTaggedWith(process.pid)
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  throw new Error(`test left child processes behind: ${left.join(', ')}`)
})
