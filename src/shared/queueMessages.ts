// Which put a queue get takes: a queue message is put once and got once, matched by queue and
// message number. Kept per queue in shards of SHARD numbers, so a queue thousands deep does not
// rehash one large table every few thousand puts. Pure (no Node, no DOM): the Chrome export's
// flow arrows and the renderer's timeline pair messages with the same code.
const SHARD = 1024

export class QueueMessages<V> {
  private readonly puts = new Map<string, Map<number, Map<number, V>>>()
  private count = 0
  /** Shards this copy may change; the rest may be shared with copies (see clone). */
  private readonly owned = new Set<Map<number, V>>()

  /** Messages put and not yet got. */
  get size(): number {
    return this.count
  }

  put(queue: string, msg: number, value: V): void {
    let shards = this.puts.get(queue)
    if (!shards) this.puts.set(queue, (shards = new Map()))
    const key = Math.floor(msg / SHARD)
    const m = this.own(shards, key)
    if (!m.has(msg)) this.count++
    m.set(msg, value)
  }

  /** The put's value for this get, or undefined (never put, or already got); forgets it. */
  take(queue: string, msg: number): V | undefined {
    const shards = this.puts.get(queue)
    const key = Math.floor(msg / SHARD)
    if (!shards?.get(key)?.has(msg)) return undefined
    const m = this.own(shards, key)
    const value = m.get(msg)
    m.delete(msg)
    this.count--
    if (m.size === 0) {
      shards.delete(key)
      this.owned.delete(m)
    }
    return value
  }

  /** A copy (the renderer's states are immutable; a copy is made once per batch). Shards are
   *  shared and copied when first changed: copying every one copied a queue 20,000 deep for
   *  each batch of a few hundred messages, most of the renderer's time in pipe-vs-queue. */
  clone(): QueueMessages<V> {
    const c = new QueueMessages<V>()
    for (const [q, shards] of this.puts) c.puts.set(q, new Map(shards))
    c.count = this.count
    this.owned.clear() // now shared with the copy: this one copies before changing them too
    return c
  }

  /** The shard `key`, this copy's own to change. */
  private own(shards: Map<number, Map<number, V>>, key: number): Map<number, V> {
    let m = shards.get(key)
    if (m && this.owned.has(m)) return m
    m = new Map(m)
    shards.set(key, m)
    this.owned.add(m)
    return m
  }
}
