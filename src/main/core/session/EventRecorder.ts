// A run's recorder: events in order, compact. The newest events stay the objects that were
// pushed (the open block, and the block sealed last, so that the live path — batches, sampling —
// reads what it just recorded without decoding); every full block before that is encoded by
// shape and column (EventBlock), about a fifth of the memory of the objects. Reads rebuild
// events deep-equal and JSON-identical to what was pushed. Pushed events must not be changed
// afterwards (the same rule as for a batch already sent).
import type { RunEvent, RunEventType } from '../../../shared/events'
import { EventBlock } from './EventBlock'
import type { EventList } from './EventList'
import { StringPool } from './StringPool'

export const BLOCK_SIZE = 4096

export class EventRecorder implements EventList {
  private readonly blocks: EventBlock[] = []
  private tail: RunEvent[] = []
  /** The objects of the newest sealed block, until the next block is sealed. */
  private recent: RunEvent[] | undefined
  private readonly pool = new StringPool()

  constructor(private readonly blockSize = BLOCK_SIZE) {
    if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 65536) {
      throw new RangeError(`blockSize must be an integer in 1..65536, not ${blockSize}`)
    }
  }

  static from(events: Iterable<RunEvent>, blockSize?: number): EventRecorder {
    const log = new EventRecorder(blockSize)
    for (const e of events) log.push(e)
    return log
  }

  get length(): number {
    return this.blocks.length * this.blockSize + this.tail.length
  }

  push(event: RunEvent): void {
    this.tail.push(event)
    if (this.tail.length === this.blockSize) {
      this.blocks.push(EventBlock.encode(this.tail, this.pool))
      this.recent = this.tail
      this.tail = []
    }
  }

  at(index: number): RunEvent | undefined {
    const i = index < 0 ? this.length + Math.trunc(index) : Math.trunc(index)
    return i >= 0 && i < this.length ? this.get(i) : undefined
  }

  slice(from?: number, to?: number): RunEvent[] {
    const [a, b] = range(this.length, from, to)
    const out = new Array<RunEvent>(b - a)
    const size = this.blockSize
    let i = a
    while (i < b) {
      const bi = Math.floor(i / size)
      const end = Math.min(b, (bi + 1) * size)
      const objects = this.objectsOf(bi)
      const block = this.blocks[bi]
      for (let j = i - bi * size; i < end; i++, j++)
        out[i - a] = objects ? objects[j]! : block!.decode(j)
    }
    return out
  }

  [Symbol.iterator](): Iterator<RunEvent> {
    return sliceIterator(this, this.blockSize)
  }

  /** The events of one type, in order; blocks without it are skipped undecoded. */
  ofType(type: RunEventType): RunEvent[] {
    const out: RunEvent[] = []
    const size = this.blockSize
    for (let bi = 0; bi * size < this.length; bi++) {
      const objects = this.objectsOf(bi)
      if (objects) {
        for (const e of objects) if (e.type === type) out.push(e)
        continue
      }
      const block = this.blocks[bi]!
      if (!block.hasType(type)) continue
      for (let j = 0; j < block.length; j++) if (block.typeAt(j) === type) out.push(block.decode(j))
    }
    return out
  }

  /** JSON.stringify gives the events, as for an array. */
  toJSON(): RunEvent[] {
    return this.slice()
  }

  /** The first `length` events as they are now (later pushes do not show), without copying. */
  snapshot(): EventList {
    return new EventLogView(this, this.length)
  }

  private get(i: number): RunEvent {
    const bi = Math.floor(i / this.blockSize)
    const j = i - bi * this.blockSize
    return this.objectsOf(bi)?.[j] ?? this.blocks[bi]!.decode(j)
  }

  /** Block bi's events as objects when they are still kept as such. */
  private objectsOf(bi: number): RunEvent[] | undefined {
    if (bi === this.blocks.length) return this.tail
    return bi === this.blocks.length - 1 ? this.recent : undefined
  }
}

/** A fixed-length prefix of a log. */
class EventLogView implements EventList {
  constructor(
    private readonly log: EventRecorder,
    readonly length: number
  ) {}

  at(index: number): RunEvent | undefined {
    const i = index < 0 ? this.length + Math.trunc(index) : Math.trunc(index)
    return i >= 0 && i < this.length ? this.log.at(i) : undefined
  }

  slice(from?: number, to?: number): RunEvent[] {
    const [a, b] = range(this.length, from, to)
    return this.log.slice(a, b)
  }

  toJSON(): RunEvent[] {
    return this.slice()
  }

  [Symbol.iterator](): Iterator<RunEvent> {
    return sliceIterator(this, BLOCK_SIZE)
  }
}

/** Array.prototype.slice's start and end for a list of `length`. */
function range(length: number, from = 0, to = length): [number, number] {
  const clamp = (x: number): number => {
    const n = Math.trunc(x) || 0
    return n < 0 ? Math.max(0, length + n) : Math.min(n, length)
  }
  const a = clamp(from)
  return [a, Math.max(a, clamp(to))]
}

/** Iterates a list a slice at a time (one decode pass per chunk, not per step). */
function sliceIterator(list: EventList, size: number): Iterator<RunEvent> {
  let chunk: RunEvent[] = []
  let j = 0
  let next = 0
  return {
    next(): IteratorResult<RunEvent> {
      if (j === chunk.length) {
        if (next >= list.length) return { done: true, value: undefined }
        chunk = list.slice(next, next + size)
        next += chunk.length
        j = 0
      }
      return { done: false, value: chunk[j++]! }
    }
  }
}
