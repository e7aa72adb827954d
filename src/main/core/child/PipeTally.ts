// Counts a pipe end's sends or receives and reports them in batches: a stream of 100,000
// messages becomes a few hundred pipe.send events (each with its count and total bytes), and a
// ping-pong does not double the host's wake-ups with a report per message. A child's tallies
// wait up to `delayMs`, but any other message of the child flushes them first (flushTallies),
// so the host still sees a receive before the output that follows it.
export interface PipeTallyReport {
  bytes: number
  /** Sequence number of the last message counted. */
  msg: number
  count: number
}

const pending = new Set<PipeTally>()

/** Reports every tally with something counted (before another message, or before exit). */
export function flushTallies(): void {
  for (const t of pending) t.flush()
}

export class PipeTally {
  private seq = 0
  private bytes = 0
  private count = 0
  private timer: NodeJS.Timeout | undefined
  private ticked = false
  /** bytesSoFar() at the last report. */
  private bytesMark = 0

  /**
   * `delayMs` 0: report on the next tick. `bytesSoFar`: a running total of the bytes sent (a
   * channel's, see LineChannel.bytesQueued) that reports take their bytes from, so that a send
   * need not measure its own line; add()'s `bytes` are then ignored.
   */
  constructor(
    private readonly report: (r: PipeTallyReport) => void,
    private readonly delayMs = 0,
    private readonly bytesSoFar?: () => number
  ) {}

  /** `count` messages of `bytes` in total. */
  add(bytes: number, count = 1): void {
    const already = this.count > 0 // then it is in `pending` (flush empties both)
    this.seq += count
    this.bytes += bytes
    this.count += count
    if (already) return
    pending.add(this)
    if (this.delayMs > 0) this.timer = setTimeout(() => this.flush(), this.delayMs)
    else if (!this.ticked) {
      this.ticked = true
      process.nextTick(() => ((this.ticked = false), this.flush()))
    }
  }

  flush(): void {
    pending.delete(this)
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.count === 0) return
    let bytes = this.bytes
    if (this.bytesSoFar) {
      const total = this.bytesSoFar()
      bytes = total - this.bytesMark
      this.bytesMark = total
    }
    const r = { bytes, msg: this.seq, count: this.count }
    this.bytes = 0
    this.count = 0
    this.report(r)
  }
}
