// The renderer's store: every run's state, fed by the API's batches; React reads it with
// useSyncExternalStore. Batches are applied at once but listeners hear about them at most
// every `throttleMs`, so a busy run re-renders the views a few times a second, not per batch.
// Runs opened from a trace are replayed: their views show the state at the scrubber's time.
// Memory is budgeted by events held, as on the host: past `keptEvents` the oldest ended runs
// are let go (live runs and the selected one stay); a run the host let go is marked.
import type { RunInfo } from '../../../shared/api'
import type { EventBatch, RunEvent } from '../../../shared/events'
import { DEFAULT_KEPT_EVENTS } from '../../../shared/events'
import { ReplayCursor } from './replayCursor'
import type { RunState } from './runState'
import { applyEvents, emptyRun, isLive } from './runState'

/** Events kept per run until we know whether it is a replay (a live run drops them). A
 *  replay keeps all of its events (its file's size is bounded: MAX_TRACE_CHARS). */
export const MAX_UNKNOWN_LOG = 200_000
const PLAY_TICK_MS = 100
const APPLY_CHUNK = 5000
const APPLY_BUDGET_MS = 30
/** Time per idle slice spent making a replay's checkpoints. */
const PREPARE_SLICE_MS = 8

export interface ReplayStatus {
  t: number
  end: number
  playing: boolean
  speed: number
}

/** Why a run's events are gone: the host let it go (it can no longer be exported), and/or the
 *  page did (its views are empty; the host may still have it). */
export interface LetGo {
  byHost: boolean
  byPage: boolean
}

export interface StoreSnapshot {
  /** What the views show: the live state, or the replayed state at its time. */
  runs: ReadonlyMap<string, RunState>
  infos: ReadonlyMap<string, RunInfo>
  replays: ReadonlyMap<string, ReplayStatus>
  order: readonly string[]
  selected: string | null
  letGo: ReadonlyMap<string, LetGo>
}

export interface RunStoreOptions {
  throttleMs?: number
  /** Called when batches arrive for a run the store has no RunInfo for. */
  onUnknownRun?: (runId: string) => void
  maxUnknownLog?: number
  /** How long one drain may run before it yields to the browser (APPLY_BUDGET_MS). */
  applyBudgetMs?: number
  /** Events the runs may hold together before the oldest ended ones are let go. */
  keptEvents?: number
}

export class RunStore {
  private snapshot: StoreSnapshot = {
    runs: new Map(),
    infos: new Map(),
    replays: new Map(),
    order: [],
    selected: null,
    letGo: new Map()
  }
  private readonly listeners = new Set<() => void>()
  private readonly full = new Map<string, RunState>()
  private readonly logs = new Map<string, RunEvent[]>()
  private readonly cursors = new Map<string, ReplayCursor>()
  /** Replays whose scrubber checkpoints are being made ahead of a seek. */
  private readonly preparing = new Set<string>()
  private readonly throttleMs: number
  private readonly applyBudgetMs: number
  private readonly inbox: { batch: EventBatch; from: number }[] = []
  private draining = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private player: ReturnType<typeof setInterval> | undefined

  constructor(private readonly options: RunStoreOptions = {}) {
    this.throttleMs = options.throttleMs ?? 100
    this.applyBudgetMs = options.applyBudgetMs ?? APPLY_BUDGET_MS
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): StoreSnapshot => this.snapshot

  /**
   * Applies a batch. A huge one (an opened trace, a burst) is applied APPLY_CHUNK events at a
   * time, yielding to the browser every APPLY_BUDGET_MS so no frame waits for all of it.
   */
  readonly applyBatch = (batch: EventBatch): void => {
    if (batch.forgotten) return this.hostForgot(batch.runId)
    this.inbox.push({ batch, from: 0 })
    if (!this.draining) this.drain()
  }

  private drain(): void {
    const started = Date.now()
    while (this.inbox.length > 0) {
      const item = this.inbox[0]!
      const to = Math.min(item.batch.events.length, item.from + APPLY_CHUNK)
      this.applyEvents(
        item.batch.runId,
        item.batch.events.slice(item.from, to),
        item.from === 0 ? (item.batch.dropped ?? 0) : 0
      )
      item.from = to
      if (to >= item.batch.events.length) this.inbox.shift()
      if (this.inbox.length > 0 && Date.now() - started > this.applyBudgetMs) {
        this.draining = true
        setTimeout(() => {
          this.draining = false
          this.drain()
        }, 0)
        return
      }
    }
  }

  private applyEvents(id: string, events: readonly RunEvent[], dropped: number): void {
    // A resume may send again what the page let go: it stays let go.
    if (this.snapshot.letGo.get(id)?.byPage) return
    const known = this.full.has(id)
    const prev = this.full.get(id) ?? emptyRun(id)
    this.full.set(id, applyEvents(prev, events, dropped))
    const info = this.snapshot.infos.get(id)
    if (!info || info.replay) {
      const log = this.logs.get(id) ?? []
      if (info || log.length < (this.options.maxUnknownLog ?? MAX_UNKNOWN_LOG)) log.push(...events)
      this.logs.set(id, log)
      if (info?.replay) {
        this.cursors.delete(id)
        if (!isLive(this.full.get(id)!.status)) this.prepareReplay(id)
      }
    }
    if (!info) this.options.onUnknownRun?.(id)
    const order =
      known || this.snapshot.order.includes(id) ? this.snapshot.order : [id, ...this.snapshot.order]
    const runs = this.viewRuns([id])
    this.snapshot = { ...this.snapshot, order, runs }
    if (!isLive(this.full.get(id)!.status)) this.trim()
    this.scheduleNotify()
  }

  /** The host let a run go (its memory budget): the page keeps what it holds, marked. */
  private hostForgot(id: string): void {
    this.markLetGo(id, { byHost: true })
    this.notifyNow()
  }

  private markLetGo(id: string, by: Partial<LetGo>): void {
    const letGo = new Map(this.snapshot.letGo)
    const was = letGo.get(id) ?? { byHost: false, byPage: false }
    letGo.set(id, { ...was, ...by })
    this.snapshot = { ...this.snapshot, letGo }
  }

  /** Events the page holds for every run. */
  heldEvents(): number {
    let n = 0
    for (const r of this.full.values()) n += r.events
    return n
  }

  /** Lets the oldest ended runs go until the rest fit the budget; live runs and the selected
   *  one stay. What remains of a run let go: its id, scenario, status and verdict. */
  private trim(): void {
    const budget = this.options.keptEvents ?? DEFAULT_KEPT_EVENTS
    let held = this.heldEvents()
    if (held <= budget) return
    for (const id of [...this.snapshot.order].reverse()) {
      if (held <= budget) break
      const full = this.full.get(id)
      if (!full || full.events === 0 || id === this.snapshot.selected || isLive(full.status))
        continue
      held -= full.events
      this.full.set(id, {
        ...emptyRun(id, full.scenario),
        params: full.params,
        status: full.status,
        hostPid: full.hostPid,
        verdict: full.verdict,
        error: full.error
      })
      this.logs.delete(id)
      this.cursors.delete(id)
      this.preparing.delete(id)
      const replays = new Map(this.snapshot.replays)
      replays.delete(id)
      this.snapshot = { ...this.snapshot, replays }
      this.markLetGo(id, { byPage: true })
      this.snapshot = { ...this.snapshot, runs: this.viewRuns([id]) }
    }
  }

  /** A run the host told us about (startRun's or openTrace's answer): select it. */
  addRun(info: RunInfo): void {
    this.mergeInfos([info])
    this.snapshot = { ...this.snapshot, selected: info.id }
    this.trim()
    this.notifyNow()
  }

  /** What listRuns answered: statuses, and which runs are replays. */
  mergeInfos(list: readonly RunInfo[]): void {
    const infos = new Map(this.snapshot.infos)
    const replays = new Map(this.snapshot.replays)
    let order = this.snapshot.order
    for (const info of list) {
      infos.set(info.id, info)
      if (!this.full.has(info.id))
        this.full.set(info.id, { ...emptyRun(info.id, info.scenario), status: info.status })
      if (!order.includes(info.id)) order = [info.id, ...order]
      if (!info.replay) this.logs.delete(info.id)
      else if (!replays.has(info.id) && !this.snapshot.letGo.get(info.id)?.byPage)
        replays.set(info.id, { t: Infinity, end: 0, playing: false, speed: 1 })
    }
    this.snapshot = { ...this.snapshot, infos, replays, order }
    const runs = this.viewRuns(list.map((i) => i.id))
    this.snapshot = { ...this.snapshot, runs }
    this.notifyNow()
  }

  select(id: string): void {
    this.snapshot = { ...this.snapshot, selected: id }
    this.trim() // the run shown before may go now
    this.notifyNow()
  }

  /** Moves a replayed run's time; every view then shows the run as it was at `t`. */
  seek(id: string, t: number): void {
    const r = this.snapshot.replays.get(id)
    if (!r) return
    this.setReplay(id, { ...r, t: Math.max(0, t) })
  }

  setSpeed(id: string, speed: number): void {
    const r = this.snapshot.replays.get(id)
    if (r) this.setReplay(id, { ...r, speed })
  }

  /** Plays (from the start when at the end) or pauses a replay. */
  togglePlay(id: string): void {
    const r = this.snapshot.replays.get(id)
    if (!r) return
    const end = this.full.get(id)?.lastT ?? 0
    if (r.playing) {
      this.stopPlayer()
      this.setReplay(id, { ...r, playing: false })
      return
    }
    this.stopPlayer()
    this.setReplay(id, { ...r, playing: true, t: r.t >= end ? 0 : r.t })
    this.player = setInterval(() => {
      const cur = this.snapshot.replays.get(id)
      if (!cur?.playing) return this.stopPlayer()
      const t = cur.t + PLAY_TICK_MS * cur.speed
      this.setReplay(id, { ...cur, t: Math.min(t, end), playing: t < end })
      if (t >= end) this.stopPlayer()
    }, PLAY_TICK_MS)
  }

  dispose(): void {
    this.stopPlayer()
    this.preparing.clear()
    clearTimeout(this.timer)
    this.listeners.clear()
  }

  private setReplay(id: string, r: ReplayStatus): void {
    const replays = new Map(this.snapshot.replays)
    replays.set(id, r)
    this.snapshot = { ...this.snapshot, replays }
    const runs = this.viewRuns([id])
    this.snapshot = { ...this.snapshot, runs }
    this.notifyNow()
  }

  private cursor(id: string): ReplayCursor | undefined {
    let c = this.cursors.get(id)
    const log = this.logs.get(id)
    if (!c && log) {
      c = new ReplayCursor(id, log)
      this.cursors.set(id, c)
    }
    return c
  }

  /** The view states, recomputed for the runs named (also clamps their replay times). */
  private viewRuns(ids: readonly string[]): Map<string, RunState> {
    const runs = new Map(this.snapshot.runs)
    for (const id of ids) {
      const full = this.full.get(id)
      if (!full) continue
      const replay = this.snapshot.replays.get(id)
      if (!replay || !this.logs.has(id)) {
        runs.set(id, full)
        continue
      }
      const end = full.lastT
      // A replay shown at its end stays at the end while the rest of its events arrive (an
      // opened trace comes in slices): clamping it to a slice's end would rebuild the run
      // from its log for every slice.
      const t = replay.t >= replay.end ? end : Math.min(replay.t, end)
      if (replay.t !== t || replay.end !== end) {
        const replays = new Map(this.snapshot.replays)
        replays.set(id, { ...replay, t, end })
        this.snapshot = { ...this.snapshot, replays }
      }
      // At the end the replay is the whole run: no need to rebuild it from the log.
      if (t >= end) {
        runs.set(id, full)
        continue
      }
      const at = this.cursor(id)!.at(t)
      // The host's status and verdict belong to the end of the run.
      runs.set(id, { ...at, status: 'running' })
    }
    return runs
  }

  /** Once a replay has all of its events: its scrubber's checkpoints, made while idle, one
   *  slice at a time (a later event drops the cursor; the next slice works on its successor). */
  private prepareReplay(id: string): void {
    if (this.preparing.has(id)) return
    this.preparing.add(id)
    const idle = (f: () => void): unknown =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(f) : setTimeout(f)
    const step = (): void => {
      if (!this.preparing.has(id)) return // disposed
      if (this.cursor(id)?.prepare(PREPARE_SLICE_MS)) idle(step)
      else this.preparing.delete(id)
    }
    idle(step)
  }

  private stopPlayer(): void {
    clearInterval(this.player)
    this.player = undefined
  }

  private scheduleNotify(): void {
    if (this.throttleMs <= 0) return this.notifyNow()
    this.timer ??= setTimeout(() => this.notifyNow(), this.throttleMs)
  }

  private notifyNow(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.listeners.forEach((l) => l())
  }
}
