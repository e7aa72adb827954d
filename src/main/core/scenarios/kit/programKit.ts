// What the scenarios' programs share: markers a program leaves in its run (log events) so that
// its verdict can find its steps in time, the host's own output, and slow-motion delays.
import type { ScenarioContext } from '../ScenarioProgram'
import { MARK } from './verdictKit'

/** Leaves a marker in the run (a log line a person reads too); `key` is what verdicts look for. */
export function mark(ctx: Pick<ScenarioContext, 'emit'>, key: string, detail = ''): void {
  ctx.emit({ type: 'log', level: 'info', text: `${MARK}${key}${detail ? `: ${detail}` : ''}` })
}

/** Output the host prints as its own stdout (the host's `print`). */
export function hostPrint(ctx: Pick<ScenarioContext, 'emit' | 'hostPid'>, text: string): void {
  ctx.emit({ type: 'stdout', pid: ctx.hostPid, text: text.endsWith('\n') ? text : `${text}\n` })
}

/** `ms` scaled by pace for a child's own delays (children have no ctx.pause). */
export function paced(ctx: Pick<ScenarioContext, 'params'>, ms: number): number {
  return ms * Number(ctx.params.pace ?? 1)
}

/** Only in slow motion: a child's extra delay, 0 at pace ≤ 1 so normal runs stay fast. */
export function slowOnly(ctx: Pick<ScenarioContext, 'params'>, ms: number): number {
  const pace = Number(ctx.params.pace ?? 1)
  return pace > 1 ? ms * pace : 0
}
