// Mean busy cores during a span of a run, from its own `sample` events: each sample covers the
// time since the previous one; the samples whose interval lies inside the span count (those
// that straddle its edges would mix in the idle time around it), weighted by their length.
import type { EventList } from '../../session/EventList'
import { eventsOf } from './verdictKit'

export interface BusyCores {
  /** The run's own processes (host included): sum of their % of one core, / 100. */
  run: number
  /** The whole machine (other programs too): sum of the per-core %, / 100. */
  machine: number
  /** Samples that counted. */
  samples: number
}

const sum = (xs: readonly (number | null)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0)

export function busyCores(events: EventList, from: number, to: number): BusyCores {
  const samples = eventsOf(events, 'sample')
  const within = (share: number): BusyCores => {
    let weight = 0
    let run = 0
    let machine = 0
    let counted = 0
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1]!.t
      const s = samples[i]!
      const overlap = Math.min(s.t, to) - Math.max(a, from)
      if (s.t <= a || overlap < (s.t - a) * share) continue
      weight += overlap
      run += overlap * (sum(s.procs.map((p) => p.cpu)) / 100)
      machine += overlap * (sum(s.cores) / 100)
      counted++
    }
    return { run: run / weight, machine: machine / weight, samples: counted }
  }
  // Ticks wholly inside the span; for a span shorter than that, those mostly inside it.
  const inside = within(0.999)
  if (inside.samples > 0) return inside
  const most = within(0.5)
  return most.samples > 0 ? most : { run: NaN, machine: NaN, samples: 0 }
}

/** Cores of the machine as the samples saw them (0 without samples). */
export function sampledCores(events: EventList): number {
  return eventsOf(events, 'sample')[0]?.cores.length ?? 0
}
