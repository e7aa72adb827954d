// Counts a pipe end's sends or receives and reports them once per tick: a stream of 100,000
// messages becomes a few hundred pipe.send events (each with its count and total bytes), not
// 100,000 reports competing with the data. A single message is still one event of its own.
export interface PipeTallyReport {
  bytes: number
  /** Sequence number of the last message counted. */
  msg: number
  count: number
}

export class PipeTally {
  private seq = 0
  private bytes = 0
  private count = 0
  private scheduled = false

  constructor(private readonly report: (r: PipeTallyReport) => void) {}

  add(bytes: number): void {
    this.seq++
    this.bytes += bytes
    this.count++
    if (!this.scheduled) {
      this.scheduled = true
      process.nextTick(() => this.flush())
    }
  }

  flush(): void {
    this.scheduled = false
    if (this.count === 0) return
    const r = { bytes: this.bytes, msg: this.seq, count: this.count }
    this.bytes = 0
    this.count = 0
    this.report(r)
  }
}
