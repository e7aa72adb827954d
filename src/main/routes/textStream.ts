// Text pieces as a byte stream that builds each next piece only when the reader asks for it
// (a million-event trace is never one string), and stops building when the reader cancels.
import { joinIntoChunks } from '../core/trace/writeAtomic'

/** ~64 KiB per chunk: big enough for few writes, small enough to keep memory flat. */
const CHUNK_CHARS = 1 << 16

export function textStream(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const it = joinIntoChunks(pieces, CHUNK_CHARS)[Symbol.iterator]()
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = it.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
      cancel() {
        it.return?.(undefined)
      }
    },
    { highWaterMark: 0 }
  )
}
