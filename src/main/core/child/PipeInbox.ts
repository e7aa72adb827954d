// The receiving side of a pipe end, shared by the host's PipeEnd and a child's PipeProxy:
// messages that arrived, receivers waiting for the next one, and EOF once the peer is gone.
// Children load it (Deque has no imports).
import { Deque } from '../primitives/Deque'

export class PipeInbox {
  private readonly items = new Deque<unknown>()
  private readonly waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void }[] = []
  private peerGone = false

  constructor(private readonly eof: () => Error) {}

  /** Whether the other end has closed (or died). */
  get peerClosed(): boolean {
    return this.peerGone
  }

  /** A message arrived: the first waiting receiver gets it, or it waits its turn. */
  push(value: unknown): void {
    const w = this.waiting.shift()
    if (w) w.resolve(value)
    else this.items.push(value)
  }

  /** Messages that arrived together (one read), in order. */
  pushMany(values: unknown[]): void {
    let i = 0
    while (i < values.length && this.waiting.length > 0) this.waiting.shift()!.resolve(values[i++])
    for (; i < values.length; i++) this.items.push(values[i])
  }

  /** The other end closed: waiting receivers get EOF; queued messages can still be taken. */
  peerClosedNow(): void {
    this.peerGone = true
    this.failWaiting()
  }

  /** This end closed: whoever waits gets EOF. */
  failWaiting(): void {
    for (const w of this.waiting.splice(0)) w.reject(this.eof())
  }

  /** The next message; EOF when none is queued and no more can come (`closed`: this end). */
  next(closed: boolean): Promise<unknown> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift())
    if (this.peerGone || closed) return Promise.reject(this.eof())
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }))
  }
}
