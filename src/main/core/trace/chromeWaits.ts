// Waiting (for a lock, or on a full/empty queue) as async b/e slices: a process waits on one
// channel at a time, and what is still waiting when the run ends is closed at its end.
import type { ChromeEvent } from './chromeEvent'
import { us } from './chromeEvent'

interface OpenWait {
  id: number
  name: string
  cat: string
  pid: number
}

export class ChromeWaits {
  private readonly open = new Map<string, OpenWait>()
  private readonly counts = new Map<string, number>()
  private nextId = 1

  /** How many processes wait on this channel now. */
  waiting(cat: string, channel: string): number {
    return this.counts.get(`${cat}\u0000${channel}`) ?? 0
  }

  begin(
    cat: string,
    channel: string,
    pid: number,
    name: string,
    t: number
  ): ChromeEvent | undefined {
    const key = `${cat}\u0000${channel}\u0000${pid}`
    if (this.open.has(key)) return undefined
    const wait = { id: this.nextId++, name, cat, pid }
    this.open.set(key, wait)
    this.count(cat, channel, +1)
    return { name, cat, ph: 'b', id: wait.id, pid, tid: pid, ts: us(t) }
  }

  end(
    cat: string,
    channel: string,
    pid: number,
    t: number,
    args?: Record<string, unknown>
  ): ChromeEvent | undefined {
    const key = `${cat}\u0000${channel}\u0000${pid}`
    const wait = this.open.get(key)
    if (!wait) return undefined
    this.open.delete(key)
    this.count(cat, channel, -1)
    return {
      name: wait.name,
      cat,
      ph: 'e',
      id: wait.id,
      pid,
      tid: pid,
      ts: us(t),
      ...(args ? { args } : {})
    }
  }

  *closeAll(t: number): Generator<ChromeEvent> {
    for (const w of this.open.values()) {
      yield {
        name: w.name,
        cat: w.cat,
        ph: 'e',
        id: w.id,
        pid: w.pid,
        tid: w.pid,
        ts: us(t),
        args: { ended: 'run ended' }
      }
    }
    this.open.clear()
  }

  private count(cat: string, channel: string, delta: number): void {
    const key = `${cat}\u0000${channel}`
    this.counts.set(key, (this.counts.get(key) ?? 0) + delta)
  }
}
