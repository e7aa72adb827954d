// A FIFO with O(1) push and shift (Array.prototype.shift is O(n) on long arrays, and a queue
// may hold 100,000 items).
export class Deque<T> {
  private items: T[] = []
  private head = 0

  get length(): number {
    return this.items.length - this.head
  }

  push(x: T): void {
    this.items.push(x)
  }

  /** Puts `x` first (a task that must run next). */
  unshift(x: T): void {
    if (this.head > 0) this.items[--this.head] = x
    else this.items.unshift(x)
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined
    const x = this.items[this.head]!
    this.items[this.head++] = undefined as T
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return x
  }

  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined
  }

  /** Removes and returns everything, in order. */
  drain(): T[] {
    const all = this.items.slice(this.head)
    this.items = []
    this.head = 0
    return all
  }

  /** Removes the items for which `pred` is true. */
  removeWhere(pred: (x: T) => boolean): void {
    this.items = this.items.slice(this.head).filter((x) => !pred(x))
    this.head = 0
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items.slice(this.head)[Symbol.iterator]()
  }
}
