// Merges the streams of many processes by time: items wait `windowMs` before they are released
// in time order, so that an event sent a little earlier on another connection still goes first.
// One that comes later than that is released at once with the last released time (the run's
// events never go back in time); `late` counts them.
export class Reorder<T> {
  private items: { t: number; seq: number; item: T }[] = []
  private seq = 0
  private lastT = 0
  /** The latest time pushed, and whether some item came after a later one (most come in
   *  order: then no sort is needed). */
  private maxT = -Infinity
  private unsorted = false
  late = 0

  constructor(private readonly windowMs: number) {}

  push(t: number, item: T): void {
    if (t < this.maxT) this.unsorted = true
    else this.maxT = t
    this.items.push({ t, seq: this.seq++, item })
  }

  get size(): number {
    return this.items.length
  }

  /** Items older than now − window (all of them with `all`), in time order. */
  release(now: number, all = false): { t: number; item: T }[] {
    if (this.items.length === 0) return []
    const limit = all ? Infinity : now - this.windowMs
    if (this.unsorted) {
      this.items.sort((a, b) => a.t - b.t || a.seq - b.seq)
      this.unsorted = false
    }
    let n = 0
    while (n < this.items.length && this.items[n]!.t <= limit) n++
    if (n === 0) return []
    const out = n === this.items.length ? this.items : this.items.slice(0, n)
    this.items = n === this.items.length ? [] : this.items.slice(n)
    for (const x of out) {
      if (x.t < this.lastT) {
        x.t = this.lastT
        this.late++
      } else this.lastT = x.t
    }
    return out
  }
}
