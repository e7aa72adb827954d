// Which sends and receives pair up as flow arrows in the Chrome export. A queue message is put
// once and got once (matched by queue and msg). A pipe event may stand for `count` messages
// (ending with `msg`, numbered per sending end), and a duplex pipe numbers each direction on
// its own: a receive pairs with the send, from the *other* end, that carried its last message.
import { QueueMessages } from '../../../shared/queueMessages'
import { EventMarks } from './EventMarks'

interface SendRange {
  first: number
  last: number
  index: number
}

export class FlowPlan {
  /** Per event index: the flow a get/recv finishes (0 = none). */
  readonly into: Int32Array
  /** Per event index: the (first) flow a put/send starts; more in `moreOut`. */
  readonly out: Int32Array
  /** The further flows of a send that carried several messages, by event index (one sweep). */
  readonly moreOut = new EventMarks<number>()
  private next = 1
  // queue → msg → put index
  private readonly puts = new QueueMessages<number>()
  // pipe → sending pid → its sends not yet wholly received, in order (from `heads`)
  private readonly sends = new Map<string, Map<number, SendRange[]>>()
  private readonly heads = new Map<SendRange[], number>()

  constructor(events: number) {
    this.into = new Int32Array(events)
    this.out = new Int32Array(events)
  }

  put(queue: string, msg: number, index: number): void {
    this.puts.put(queue, msg, index)
  }

  get(queue: string, msg: number, index: number): void {
    const from = this.puts.take(queue, msg)
    if (from !== undefined) this.link(from, index)
  }

  send(pipe: string, pid: number, msg: number, count: number, index: number): void {
    let byPid = this.sends.get(pipe)
    if (!byPid) this.sends.set(pipe, (byPid = new Map()))
    let ranges = byPid.get(pid)
    if (!ranges) byPid.set(pid, (ranges = []))
    ranges.push({ first: msg - count + 1, last: msg, index })
  }

  recv(pipe: string, pid: number, msg: number, index: number): void {
    const byPid = this.sends.get(pipe)
    if (!byPid) return
    let from: number | undefined
    for (const [sender, ranges] of byPid) {
      if (sender === pid) continue
      // This end receives the other end's messages in order: earlier sends are done.
      let head = this.heads.get(ranges) ?? 0
      while (head < ranges.length && ranges[head]!.last < msg) head++
      this.heads.set(ranges, head)
      const r = ranges[head]
      if (r && r.first <= msg) from = r.index
    }
    // Both ends in one process: the direction cannot be told apart by pid; take its own.
    from ??= byPid.get(pid)?.find((r) => r.first <= msg && msg <= r.last)?.index
    if (from !== undefined) this.link(from, index)
  }

  private readonly links: number[] = [] // from, to, from, to, …

  private link(from: number, to: number): void {
    this.links.push(from, to)
  }

  /**
   * Numbers the flows that `keep` accepts (an arrow needs a slice at both ends: a report that
   * arrives after its process's exit gets none) and fills `out`/`into`.
   */
  finish(keep: (from: number, to: number) => boolean): void {
    const more: number[] = [] // from, id, from, id, … in id order
    for (let k = 0; k < this.links.length; k += 2) {
      const from = this.links[k]!
      const to = this.links[k + 1]!
      if (!keep(from, to)) continue
      const id = this.next++
      this.into[to] = id
      if (!this.out[from]) this.out[from] = id
      else more.push(from, id)
    }
    this.links.length = 0
    // By event index, then id (the order the emit pass writes them in).
    const order = Array.from({ length: more.length / 2 }, (_, j) => 2 * j)
    order.sort((a, b) => more[a]! - more[b]! || more[a + 1]! - more[b + 1]!)
    for (const j of order) this.moreOut.add(more[j]!, more[j + 1]!)
  }
}
