import { checkWords } from '../../shared/checkTexts'
import type { Check, EventOf, RunEvent } from '../../shared/events'
import { assertNever } from '../../shared/assertNever'
import { CHECK_TEXTS } from '../core/scenarios/checkTexts'

const OUTCOME_WORD = { passed: 'PASS', failed: 'FAIL', inconclusive: 'INCONCLUSIVE' } as const

/** A check with its English texts (`name`, `observed`, and `why` when inconclusive), as the
 *  CLI prints it: the trace holds the id and figures only. */
function checkInEnglish(c: Check): Check & { why?: string } {
  const w = checkWords(c, CHECK_TEXTS, 'en')
  return { ...c, name: w.name, observed: w.observed, ...(w.reason ? { why: w.reason } : {}) }
}

/** The event as `--json` prints it: run.end's checks carry their English texts too. */
export function withCheckWords(e: RunEvent): RunEvent {
  if (e.type !== 'run.end') return e
  return { ...e, verdict: { ...e.verdict, checks: e.verdict.checks.map(checkInEnglish) } }
}

/** Samples come 10 times a second: plain output shows at most one per this many ms. */
export const PLAIN_SAMPLE_EVERY_MS = 1000

/** Plain-output printer: formatEvent for each event, but samples thinned out; null = skip. */
export function plainPrinter(): (e: RunEvent) => string | null {
  let lastSample = -Infinity
  return (e) => {
    if (e.type !== 'sample') return formatEvent(e)
    if (e.t - lastSample < PLAIN_SAMPLE_EVERY_MS) return null
    lastSample = e.t
    return formatSample(e)
  }
}

function formatSample(e: EventOf<'sample'>): string {
  const pct = (x: number | null): string => (x === null ? '–' : `${x.toFixed(0)}%`)
  const [host, ...children] = e.procs
  const busy = children.reduce((sum, p) => sum + (p.cpu ?? 0), 0)
  return `${e.t.toFixed(1).padStart(9)} ms  cpu    cores ${e.cores.map(pct).join(' ')}  host ${pct(host?.cpu ?? null)}  ${children.length} children ${pct(busy)}`
}

/** One human-readable line per event for the CLI's plain output. */
export function formatEvent(e: RunEvent): string {
  const t = `${e.t.toFixed(1).padStart(9)} ms`
  switch (e.type) {
    case 'run.start':
      return `${t}  run ${e.scenario} started by host pid ${e.hostPid} ${JSON.stringify(e.params)}`
    case 'proc.spawn':
      return `${t}  spawn  pid ${e.pid} (parent ${e.ppid}) ${e.name}`
    case 'proc.exit':
      return `${t}  exit   pid ${e.pid} code ${e.code ?? '-'}${e.signal ? ` signal ${e.signal}` : ''}`
    case 'stdout':
    case 'stderr':
      return `${t}  [${e.pid}] ${e.text.replace(/\n$/, '')}`
    case 'run.end': {
      const checks = e.verdict.checks.map((c) => {
        const w = checkWords(c, CHECK_TEXTS, 'en')
        const why = w.reason ? ` (inconclusive: ${w.reason})` : ''
        return `  ${OUTCOME_WORD[c.outcome]} ${w.name}: ${w.observed}${why}`
      })
      return [`${t}  run ${e.status}; verdict ${e.verdict.outcome}`, ...checks].join('\n')
    }
    case 'proc.ready':
    case 'queue.depth':
    case 'queue.put':
    case 'queue.get':
    case 'queue.wait':
    case 'queue.timeout':
    case 'task.queued':
    case 'task.start':
    case 'task.end':
    case 'lock.wait':
    case 'lock.acquire':
    case 'lock.release':
    case 'lock.timeout':
    case 'pipe.send':
    case 'pipe.recv':
    case 'pipe.close':
    case 'sample':
    case 'log':
      return `${t}  ${e.type} ${JSON.stringify({ ...e, t: undefined, type: undefined })}`
    default:
      return assertNever(e, 'event')
  }
}
