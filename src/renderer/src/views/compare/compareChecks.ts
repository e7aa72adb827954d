// The two runs' verdicts in one table: each check (by its id) with what each run observed, and
// whether they differ (outcome, figures, or an old trace's observed text).
import type { Check, Verdict } from '../../../../shared/events'

export interface CheckPair {
  id: string
  a: Check | null
  b: Check | null
  differs: boolean
}

const seenOf = (c: Check): string => JSON.stringify([c.outcome, c.values, c.seen, c.observed])

export function compareChecks(a: Verdict | null, b: Verdict | null): CheckPair[] {
  const byId = new Map<string, CheckPair>()
  const add = (v: Verdict | null, side: 'a' | 'b'): void => {
    for (const c of v?.checks ?? []) {
      const pair = byId.get(c.id) ?? { id: c.id, a: null, b: null, differs: false }
      pair[side] = c
      byId.set(c.id, pair)
    }
  }
  add(a, 'a')
  add(b, 'b')
  for (const p of byId.values()) p.differs = !p.a || !p.b || seenOf(p.a) !== seenOf(p.b)
  return [...byId.values()]
}
