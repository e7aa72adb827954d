// How map() cuts its items into tasks, as CPython's Pool.map does.

/** CPython's default: about four chunks per worker. */
export function defaultChunksize(items: number, workers: number): number {
  const size = Math.floor(items / (workers * 4))
  return items % (workers * 4) ? size + 1 : Math.max(1, size)
}

export function chunk<T>(items: readonly T[], size: number): { start: number; items: T[] }[] {
  const out: { start: number; items: T[] }[] = []
  for (let i = 0; i < items.length; i += size)
    out.push({ start: i, items: items.slice(i, i + size) })
  return out
}
