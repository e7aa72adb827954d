// Which put a queue get takes: a queue message is put once and got once, matched by queue and
// message number. Kept per queue in shards of SHARD numbers, so a queue thousands deep does not
// rehash one large table every few thousand puts. Pure (no Node, no DOM): the Chrome export's
// flow arrows and the renderer's timeline pair messages with the same code.
const SHARD = 1024

export class QueueMessages<V> {
  private readonly puts = new Map<string, Map<number, Map<number, V>>>()
  private count = 0

  /** Messages put and not yet got. */
  get size(): number {
    return this.count
  }

  put(queue: string, msg: number, value: V): void {
    let shards = this.puts.get(queue)
    if (!shards) this.puts.set(queue, (shards = new Map()))
    const key = Math.floor(msg / SHARD)
    let m = shards.get(key)
    if (!m) shards.set(key, (m = new Map()))
    if (!m.has(msg)) this.count++
    m.set(msg, value)
  }

  /** The put's value for this get, or undefined (never put, or already got); forgets it. */
  take(queue: string, msg: number): V | undefined {
    const shards = this.puts.get(queue)
    const key = Math.floor(msg / SHARD)
    const m = shards?.get(key)
    if (!m?.has(msg)) return undefined
    const value = m.get(msg)
    m.delete(msg)
    this.count--
    if (m.size === 0) shards!.delete(key)
    return value
  }

  /** A copy (the renderer's states are immutable; a copy is made once per batch). */
  clone(): QueueMessages<V> {
    const c = new QueueMessages<V>()
    for (const [q, shards] of this.puts)
      c.puts.set(q, new Map([...shards].map(([k, m]) => [k, new Map(m)])))
    c.count = this.count
    return c
  }
}
