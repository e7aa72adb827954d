// Values attached to event indices by the Chrome plan, in increasing index order, and read back
// by the emit pass sweeping the events in the same order: a cursor instead of a Map lookup per
// event (the plan marks tens of thousands of task starts and ends in a large run).

export class EventMarks<T> {
  private readonly at: number[] = []
  private readonly values: T[] = []
  private next = 0

  get size(): number {
    return this.at.length
  }

  /** Marks `index` with `value`; indices must not decrease (equal ones keep their order). */
  add(index: number, value: T): void {
    const last = this.at.length ? this.at[this.at.length - 1]! : -Infinity
    if (!(index >= last)) throw new RangeError(`event index ${index} added after ${last}`)
    this.at.push(index)
    this.values.push(value)
  }

  /**
   * During a sweep in increasing index order: the next value marked at `index` not taken yet,
   * or undefined (marks at smaller indices that were not taken are passed over for good).
   */
  take(index: number): T | undefined {
    const { at } = this
    let k = this.next
    while (k < at.length && at[k]! < index) k++
    this.next = k
    if (k === at.length || at[k] !== index) return undefined
    this.next = k + 1
    return this.values[k]
  }
}
