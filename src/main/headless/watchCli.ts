// `poolscope watch [options] -- script.py [args…]` (or `-- -m module [args…]`): runs a real
// Python program under PoolScope and prints what its processes do, with the same JSON event
// contract and exit statuses as `run`; run.end's result holds the program's own exit code.
import { basename, resolve } from 'node:path'
import type { Command } from 'commander'
import { InvalidArgumentError, Option } from 'commander'
import type { TraceFormat } from '../../shared/api'
import { TRACE_FORMATS } from '../../shared/api'
import { ApiError } from '../core/host/ApiError'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { findPython, PythonNotFound } from '../core/python/findPython'
import { ProgramRun } from '../core/python/ProgramRun'
import { checkDirectory, checkScript } from '../core/python/programRequest'
import { traceTarget } from '../core/trace/traceTarget'
import { followRun } from './followRun'
import { unavailable } from '../core/platformSupport'

interface WatchOptions {
  json?: boolean
  trace?: string
  format?: TraceFormat
  timeout?: number
  python?: string
  cwd?: string
}

export function parseSeconds(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`not a positive number of seconds: '${value}'`)
  return n
}

/** What the program is called in the run's list: the script's name, or `-m module`. */
export function programLabel(args: readonly string[]): string {
  return args[0] === '-m' ? `-m ${args[1] ?? ''}` : basename(args[0] ?? 'python')
}

/** A bad argument (exit 2) unless `args` names a script that exists or `-m module`. */
export function checkProgramArgs(args: readonly string[], cwd: string): void {
  if (args.length === 0) throw new ApiError('bad-input', 'watch: name a script.py or -m module')
  if (args[0] === '-m') {
    if (!args[1]) throw new ApiError('bad-input', 'watch: -m needs a module name')
    return
  }
  if (args[0]!.startsWith('-')) {
    throw new ApiError(
      'bad-input',
      `watch: the program must start with a script or -m module, not '${args[0]}' (interpreter options are not supported)`
    )
  }
  checkScript(resolve(cwd, args[0]!))
}

export function registerWatch(
  program: Command,
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; setCode(code: number): void }
): void {
  program
    .command('watch')
    .description('run a Python program and watch its processes, queues, locks, pipes and pools')
    .argument('<program...>', 'after --: script.py [args…] or -m module [args…]')
    .option('--json', 'print events as JSON lines')
    .option('--trace <file>', 'write the run to FILE when it ends')
    .addOption(new Option('--format <format>', 'trace format').choices(TRACE_FORMATS))
    .option('--timeout <s>', 'stop the program after S seconds', parseSeconds)
    .option('--python <path>', 'the interpreter (default: python3 on PATH)')
    .option('--cwd <dir>', 'the working directory of the program')
    .action(async (args: string[], opts: WatchOptions) => {
      const refused = unavailable('watch')
      if (refused) throw new ApiError('bad-input', refused)
      const target = opts.trace ? traceTarget(opts.trace, opts.format, '--trace') : undefined
      if (!opts.trace && opts.format) throw new ApiError('bad-input', '--format needs --trace FILE')
      const cwd = resolve(opts.cwd ?? process.cwd())
      checkDirectory(cwd, '--cwd')
      checkProgramArgs(args, cwd)
      let python
      try {
        python = findPython(opts.python)
      } catch (e) {
        if (e instanceof PythonNotFound) throw new ApiError('bad-input', e.message)
        throw e
      }
      const service = new PoolScopeService()
      const run = service
        .launch(
          (id, onEvent, monitor) =>
            new ProgramRun(
              id,
              {
                python,
                args,
                cwd,
                label: programLabel(args),
                params: { args: args.join(' ') },
                timeoutMs: opts.timeout && opts.timeout * 1000
              },
              onEvent,
              monitor
            )
        )
        .start()
      io.setCode(await followRun(service, run, { json: !!opts.json, target, ...io }))
    })
}
