// Collects the results of a map's chunks and hands them out in item order (imap, map) or in
// completion order (imapUnordered).

export interface ResultIterator extends AsyncIterableIterator<unknown> {
  /** Every result in item order; rejects with the first task error as soon as it happens. */
  all(): Promise<unknown[]>
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error }

export function mapResults(
  count: number,
  ordered: boolean
): {
  iterator: ResultIterator
  settle(start: number, n: number, err: Error | undefined, values: unknown[] | undefined): void
} {
  const values: unknown[] = new Array(count)
  const done = new Uint8Array(count)
  const failedAt = new Map<number, Error>()
  const finished: Outcome[] = [] // completion order, for imapUnordered
  let settled = 0
  let firstError: Error | undefined
  let pos = 0
  let wake: (() => void) | undefined
  let allDone: ((v: unknown[]) => void) | undefined
  let allFailed: ((e: Error) => void) | undefined

  function settle(start: number, n: number, err?: Error, vals?: unknown[]): void {
    if (!err && (!Array.isArray(vals) || vals.length !== n)) {
      err = new Error(`a worker returned ${n} results as something else; chunk ${start} failed`)
    }
    settled += n
    if (err) {
      firstError ??= err
      for (let i = 0; i < n; i++) failedAt.set(start + i, err)
      if (!ordered) finished.push({ ok: false, error: err })
      allFailed?.(err)
    } else {
      for (let i = 0; i < n; i++) {
        values[start + i] = vals![i]
        done[start + i] = 1
        if (!ordered) finished.push({ ok: true, value: vals![i] })
      }
    }
    if (settled === count && !firstError) allDone?.(values)
    const w = wake
    wake = undefined
    w?.()
  }

  async function next(): Promise<IteratorResult<unknown>> {
    for (;;) {
      if (ordered) {
        if (pos >= count) return { done: true, value: undefined }
        const err = failedAt.get(pos)
        if (err) {
          pos = count
          throw err
        }
        if (done[pos]) return { done: false, value: values[pos++] }
      } else {
        const o = finished.shift()
        if (o) {
          pos++
          if (!o.ok) throw o.error
          return { done: false, value: o.value }
        }
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
      if (settled === count) return Promise.resolve(values)
      return new Promise((resolve, reject) => ((allDone = resolve), (allFailed = reject)))
    }
  }
  return { iterator, settle }
}
