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

/** One channel's waits: looked up by category, then channel, then pid (no key string is built
 *  per event: this runs for every queue and lock event of a run). A wait that ends leaves
 *  undefined behind instead of being deleted: a Map that keeps losing its only entry reallocates
 *  its table each time. */
interface Channel {
  waiting: number
  readonly open: Map<number, OpenWait | undefined>
}

export class ChromeWaits {
  private readonly channels = new Map<string, Map<string, Channel>>()
  private nextId = 1

  /** How many processes wait on this channel now. */
  waiting(cat: string, channel: string): number {
    return this.channels.get(cat)?.get(channel)?.waiting ?? 0
  }

  begin(
    cat: string,
    channel: string,
    pid: number,
    name: string,
    t: number
  ): ChromeEvent | undefined {
    const ch = this.channel(cat, channel)
    if (ch.open.get(pid)) return undefined
    const wait = { id: this.nextId++, name, cat, pid }
    ch.open.set(pid, wait)
    ch.waiting++
    return { name, cat, ph: 'b', id: wait.id, pid, tid: pid, ts: us(t) }
  }

  end(
    cat: string,
    channel: string,
    pid: number,
    t: number,
    args?: Record<string, unknown>
  ): ChromeEvent | undefined {
    const ch = this.channels.get(cat)?.get(channel)
    const wait = ch?.open.get(pid)
    if (!wait) return undefined
    ch!.open.set(pid, undefined)
    ch!.waiting--
    const ev: ChromeEvent = { name: wait.name, cat, ph: 'e', id: wait.id, pid, tid: pid, ts: us(t) }
    if (args) ev.args = args
    return ev
  }

  /** Ends every open wait, in the order they began (ids increase with it). */
  *closeAll(t: number): Generator<ChromeEvent> {
    const open: OpenWait[] = []
    for (const byChannel of this.channels.values())
      for (const ch of byChannel.values()) for (const w of ch.open.values()) if (w) open.push(w)
    open.sort((a, b) => a.id - b.id)
    for (const w of open) {
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
    for (const byChannel of this.channels.values())
      for (const ch of byChannel.values()) ch.open.clear()
  }

  private channel(cat: string, channel: string): Channel {
    let byChannel = this.channels.get(cat)
    if (!byChannel) this.channels.set(cat, (byChannel = new Map()))
    let ch = byChannel.get(channel)
    if (!ch) byChannel.set(channel, (ch = { waiting: 0, open: new Map() }))
    return ch
  }
}
