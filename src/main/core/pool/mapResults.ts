// Collects the results of a map's chunks and hands them out in item order (imap, map) or in
// completion order (imapUnordered). Each chunk's results are kept as the worker's array and
// joined once at the end: no per-item copy while the map runs.

export interface ResultIterator extends AsyncIterableIterator<unknown> {
  /** Every result in item order; rejects with the first task error as soon as it happens. */
  all(): Promise<unknown[]>
}

type Chunk = { ok: true; values: unknown[] } | { ok: false; error: Error }

/** Concat takes its arrays as arguments: past this many chunks, join them by hand. */
const CONCAT_MAX = 4096

/** `count` items cut into chunks of `size` (the last may be shorter), in item order. */
export function mapResults(
  count: number,
  size: number,
  ordered: boolean
): {
  iterator: ResultIterator
  settle(start: number, n: number, err: Error | undefined, values: unknown[] | undefined): void
} {
  const nChunks = Math.ceil(count / size)
  const chunks: (Chunk | undefined)[] = []
  for (let i = 0; i < nChunks; i++) chunks.push(undefined)
  const finished: Chunk[] = [] // completion order, for imapUnordered
  let settled = 0
  let firstError: Error | undefined
  // The iterator's place: chunk `at`, item `inChunk` of it.
  let at = 0
  let inChunk = 0
  let wake: (() => void) | undefined
  let allDone: ((v: unknown[]) => void) | undefined
  let allFailed: ((e: Error) => void) | undefined

  function settle(start: number, n: number, err?: Error, vals?: unknown[]): void {
    if (!err && (!Array.isArray(vals) || vals.length !== n)) {
      err = new Error(`a worker returned ${n} results as something else; chunk ${start} failed`)
    }
    settled += n
    const c: Chunk = err ? { ok: false, error: err } : { ok: true, values: vals! }
    chunks[Math.floor(start / size)] = c
    if (!ordered) finished.push(c)
    if (err) {
      firstError ??= err
      allFailed?.(err)
    }
    if (settled === count && !firstError) allDone?.(joined())
    const w = wake
    wake = undefined
    w?.()
  }

  function joined(): unknown[] {
    const arrays = chunks.map((c) => (c as Extract<Chunk, { ok: true }>).values)
    if (arrays.length <= CONCAT_MAX) return ([] as unknown[]).concat(...arrays)
    const out: unknown[] = []
    for (const a of arrays) for (let i = 0; i < a.length; i++) out.push(a[i])
    return out
  }

  /** The next result from `from`, moving on past its end; undefined when none is ready. */
  function take(from: (Chunk | undefined)[], i: number): IteratorResult<unknown> | undefined {
    const c = from[i]
    if (!c) return undefined
    if (!c.ok) {
      // In order, nothing comes after an error; out of order, the other chunks still may.
      at = ordered ? nChunks : at + 1
      throw c.error
    }
    const value = c.values[inChunk++]
    if (inChunk >= c.values.length) {
      inChunk = 0
      at++
    }
    return { done: false, value }
  }

  async function next(): Promise<IteratorResult<unknown>> {
    for (;;) {
      if (ordered) {
        if (at >= nChunks) return { done: true, value: undefined }
        const r = take(chunks, at)
        if (r) return r
      } else {
        // `at` counts finished chunks taken so far.
        if (at < finished.length) return take(finished, at)!
        if (settled === count) return { done: true, value: undefined }
      }
      await new Promise<void>((r) => (wake = r))
    }
  }

  const iterator: ResultIterator = {
    next,
    [Symbol.asyncIterator]() {
      return iterator
    },
    all() {
      if (firstError) return Promise.reject(firstError)
      if (settled === count) return Promise.resolve(joined())
      return new Promise((resolve, reject) => ((allDone = resolve), (allFailed = reject)))
    }
  }
  return { iterator, settle }
}
