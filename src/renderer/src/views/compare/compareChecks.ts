// The two runs' verdicts in one table: each check (by its English name) with what each run
// observed, and whether they differ.
import type { Check, Verdict } from '../../../../shared/events'

export interface CheckPair {
  name: string
  label: Check['label']
  a: Check | null
  b: Check | null
  differs: boolean
}

export function compareChecks(a: Verdict | null, b: Verdict | null): CheckPair[] {
  const byName = new Map<string, CheckPair>()
  const add = (v: Verdict | null, side: 'a' | 'b'): void => {
    for (const c of v?.checks ?? []) {
      const pair = byName.get(c.name) ?? {
        name: c.name,
        label: c.label,
        a: null,
        b: null,
        differs: false
      }
      pair[side] = c
      byName.set(c.name, pair)
    }
  }
  add(a, 'a')
  add(b, 'b')
  for (const p of byName.values())
    p.differs = !p.a || !p.b || p.a.observed !== p.b.observed || p.a.passed !== p.b.passed
  return [...byName.values()]
}
