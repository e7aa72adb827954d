// Warm spares: children forked ahead of time and idle until Process.start() takes one, so a
// start costs a message instead of a Node boot. Off by default (an idle child is a process the
// user did not ask for); the host turns it on with setWarmSpares().
import { discardEvents } from '../eventSink'
import { ChildLink } from './ChildLink'

/** A fork blocks the host for milliseconds: replace a taken spare once its task is under way. */
const REFILL_DELAY_MS = 25

let wanted = 0
const spares: ChildLink[] = []
let refillTimer: NodeJS.Timeout | undefined
let refilled: Promise<void> = Promise.resolve()
let markRefilled: () => void = () => {}

/** Keep `count` idle children ready (0 ends the ones kept). */
export function setWarmSpares(count: number): void {
  wanted = Math.max(0, Math.floor(count))
  while (spares.length > wanted) spares.pop()!.kill('SIGKILL')
  refill()
}

/** Resolves once every kept spare is forked and ready. */
export async function sparesReady(): Promise<void> {
  await refilled
  await Promise.all(spares.map((s) => s.ready.catch(() => {})))
}

/** A ready spare, or undefined; a replacement is forked shortly after. */
export function takeSpare(): ChildLink | undefined {
  const i = spares.findIndex((s) => s.isReady && s.isAlive())
  if (i < 0) return undefined
  const [spare] = spares.splice(i, 1)
  if (!refillTimer) {
    refilled = new Promise((r) => (markRefilled = r))
    refillTimer = setTimeout(refill, REFILL_DELAY_MS)
  }
  return spare
}

function refill(): void {
  if (refillTimer) clearTimeout(refillTimer)
  refillTimer = undefined
  for (let i = spares.length - 1; i >= 0; i--) if (!spares[i]!.isAlive()) spares.splice(i, 1)
  while (spares.length < wanted) {
    const s = new ChildLink({ name: 'spare', role: 'spare', sink: discardEvents }, true)
    // A spare that dies while idle is dropped; the next take forks another.
    void s.exited.then(() => {
      const at = spares.indexOf(s)
      if (at >= 0) spares.splice(at, 1)
    })
    spares.push(s)
  }
  markRefilled()
}
