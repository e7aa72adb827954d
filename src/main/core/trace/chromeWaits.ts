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
 *  per event: this runs for every queue and lock event of a run). */
interface Channel {
  waiting: number
  readonly open: Map<number, OpenWait>
}

export class ChromeWaits {
  private readonly channels = new Map<string, Map<string, Channel>>()
  /** Every open wait, in the order it began (closeAll's order). */
  private readonly openWaits = new Set<OpenWait>()
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
    if (ch.open.has(pid)) return undefined
    const wait = { id: this.nextId++, name, cat, pid }
    ch.open.set(pid, wait)
    this.openWaits.add(wait)
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
    ch!.open.delete(pid)
    this.openWaits.delete(wait)
    ch!.waiting--
    const ev: ChromeEvent = { name: wait.name, cat, ph: 'e', id: wait.id, pid, tid: pid, ts: us(t) }
    if (args) ev.args = args
    return ev
  }

  *closeAll(t: number): Generator<ChromeEvent> {
    for (const w of this.openWaits) {
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
    this.openWaits.clear()
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
