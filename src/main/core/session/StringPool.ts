// Interned strings of one event log: a repeated name (queue, lock, pipe, role) is kept once and
// recorded as a 4-byte id. Per log, so that a run let go of takes its strings with it.
export class StringPool {
  private readonly ids = new Map<string, number>()
  /** id → string (read directly by the block decoders). */
  readonly list: string[] = []

  id(s: string): number {
    let id = this.ids.get(s)
    if (id === undefined) {
      id = this.list.length
      this.list.push(s)
      this.ids.set(s, id)
    }
    return id
  }

  get(id: number): string {
    return this.list[id]!
  }

  get size(): number {
    return this.list.length
  }
}
