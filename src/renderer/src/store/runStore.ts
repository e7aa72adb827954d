// The renderer's store: every run's state, fed by the API's batches; React reads it with
// useSyncExternalStore. Runs are listed newest first.
import type { RunInfo } from '../../../shared/api'
import type { EventBatch } from '../../../shared/events'
import type { RunState } from './runState'
import { applyEvents, emptyRun } from './runState'

export interface StoreSnapshot {
  runs: ReadonlyMap<string, RunState>
  order: readonly string[]
  selected: string | null
}

export class RunStore {
  private snapshot: StoreSnapshot = { runs: new Map(), order: [], selected: null }
  private readonly listeners = new Set<() => void>()

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): StoreSnapshot => this.snapshot

  applyBatch = (batch: EventBatch): void => {
    const runs = new Map(this.snapshot.runs)
    const known = runs.has(batch.runId)
    const prev = runs.get(batch.runId) ?? emptyRun(batch.runId)
    runs.set(batch.runId, applyEvents(prev, batch.events, batch.dropped ?? 0))
    this.set({
      ...this.snapshot,
      runs,
      order: known ? this.snapshot.order : [batch.runId, ...this.snapshot.order]
    })
  }

  /** A run the host just told us about (e.g. startRun's answer): select it. */
  addRun(info: RunInfo): void {
    const runs = new Map(this.snapshot.runs)
    if (!runs.has(info.id))
      runs.set(info.id, { ...emptyRun(info.id, info.scenario), status: info.status })
    const order = this.snapshot.order.includes(info.id)
      ? this.snapshot.order
      : [info.id, ...this.snapshot.order]
    this.set({ runs, order, selected: info.id })
  }

  select(id: string): void {
    this.set({ ...this.snapshot, selected: id })
  }

  private set(next: StoreSnapshot): void {
    this.snapshot = next
    this.listeners.forEach((l) => l())
  }
}
