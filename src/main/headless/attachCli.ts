// `poolscope attach PID [--json] [--trace FILE] [--timeout S]`: watches a process tree that
// is already running, printing its spawns, exits and samples as `run` does. The processes
// are left alone when the watch ends (tree gone, --timeout, or Ctrl-C).
import type { Command } from 'commander'
import { InvalidArgumentError, Option } from 'commander'
import type { TraceFormat } from '../../shared/api'
import { TRACE_FORMATS } from '../../shared/api'
import { ApiError } from '../core/host/ApiError'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { traceTarget } from '../core/trace/traceTarget'
import { followRun } from './followRun'
import { parseSeconds } from './watchCli'

function parsePid(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError(`not a process id: '${value}'`)
  return n
}

export function registerAttach(
  program: Command,
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; setCode(code: number): void }
): void {
  program
    .command('attach')
    .description('watch a running process and its descendants (they are left running)')
    .argument('<pid>', 'the process to watch', parsePid)
    .option('--json', 'print events as JSON lines')
    .option('--trace <file>', 'write the watch to FILE when it ends')
    .addOption(new Option('--format <format>', 'trace format').choices(TRACE_FORMATS))
    .option('--timeout <s>', 'end the watch after S seconds', parseSeconds)
    .action(
      async (
        pid: number,
        opts: { json?: boolean; trace?: string; format?: TraceFormat; timeout?: number }
      ) => {
        const target = opts.trace ? traceTarget(opts.trace, opts.format, '--trace') : undefined
        if (!opts.trace && opts.format)
          throw new ApiError('bad-input', '--format needs --trace FILE')
        const service = new PoolScopeService()
        let run
        try {
          run = service.attach(pid, { timeoutMs: opts.timeout && opts.timeout * 1000 })
        } catch (e) {
          await service.shutdown()
          // a PID that is not running is a bad argument
          throw new ApiError('bad-input', e instanceof Error ? e.message : String(e))
        }
        io.setCode(await followRun(service, run, { json: !!opts.json, target, ...io }))
      }
    )
}
