// One axe-core audit of a page (or a part of it) with the rule sets the project holds itself
// to: violations counted by impact and by rule, the serious and critical ones described.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

export interface Found {
  counts: Record<string, number>
  /** Serious and critical ones: rule, and where (first few targets). */
  serious: string[]
}

/** `within`: a selector to audit only that part (the rest of the page was audited already). */
export async function audit(page: Page, within?: string): Promise<Found> {
  const builder = new AxeBuilder({ page })
  if (within) builder.include(within)
  // violations only: collecting every pass and incomplete node doubled the time of an audit
  const r = await builder
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze()
  const counts: Record<string, number> = {}
  const serious: string[] = []
  for (const v of r.violations) {
    const impact = v.impact ?? 'unknown'
    counts[impact] = (counts[impact] ?? 0) + v.nodes.length
    counts[v.id] = v.nodes.length
    if (impact === 'serious' || impact === 'critical')
      serious.push(
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`
      )
  }
  return { counts, serious }
}
