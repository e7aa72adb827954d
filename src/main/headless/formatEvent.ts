import type { RunEvent } from '../../shared/events'

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
      const checks = e.verdict.checks.map(
        (c) => `  ${c.passed ? 'PASS' : 'FAIL'} ${c.name}: ${c.observed}`
      )
      return [
        `${t}  run ${e.status}; verdict ${e.verdict.passed ? 'passed' : 'failed'}`,
        ...checks
      ].join('\n')
    }
    default:
      return `${t}  ${e.type} ${JSON.stringify({ ...e, t: undefined, type: undefined })}`
  }
}
