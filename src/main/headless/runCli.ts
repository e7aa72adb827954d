// Command-line parsing (commander) and the commands: list, run, convert, serve.
// Exit status: 0 ok (verdict passed or inconclusive), 1 a check failed, 2 bad argument, 3 run failed (or its
// trace could not be written), 128 + N interrupted by signal N (130 SIGINT, 143 SIGTERM).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import type { Runtime, TraceFormat } from '../../shared/api'
import { RUNTIMES, TRACE_FORMATS } from '../../shared/api'
import { ApiError } from '../core/host/ApiError'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { ShutdownCoordinator } from '../core/host/ShutdownCoordinator'
import {
  DEFAULT_KEPT_EVENTS,
  KEPT_EVENTS_ENV,
  KeptEventsError,
  parseKeptEvents
} from '../core/host/KeptRuns'
import { loadTraceFile } from '../core/trace/loadTraceFile'
import { TraceTargetError, traceTarget } from '../core/trace/traceTarget'
import type { TraceTarget } from '../core/trace/traceTarget'
import { EXIT, followRun, oneLine, saveTrace } from './followRun'
import { registerWatch } from './watchCli'
import { registerAttach } from './attachCli'
import { registerPs } from './psCli'
import { startServer } from './serve'

export { EXIT }

class BadArgument extends Error {}

function fail(message: string): never {
  throw new BadArgument(message)
}

interface RunOptions {
  set: Record<string, string>
  json?: boolean
  trace?: string
  format?: TraceFormat
  runtime?: Runtime
}

const CSV_HELP = 'csv writes FILE.samples-cores.csv, FILE.samples-procs.csv and FILE.events.csv'

function formatOption(description: string): Option {
  return new Option('--format <format>', description).choices(TRACE_FORMATS)
}

function collectSet(value: string, prev: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`expected name=value, got '${value}'`)
  return { ...prev, [value.slice(0, eq)]: value.slice(eq + 1) }
}

function parseKeptEventsArg(value: string): number {
  try {
    return parseKeptEvents(value, 'expected')
  } catch {
    throw new InvalidArgumentError(`not a whole number of events: '${value}'`)
  }
}

/** Digits only: Number() takes '' and ' ' for 0 (serving on any port) and '0x10' for 16. */
function parsePort(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError(`not a port number: '${value}'`)
  return n
}

export async function runCli(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr
): Promise<number> {
  let code: number = EXIT.ok
  const program = new Command('poolscope')
    .description(
      'PoolScope headless host: run tutorial scenarios on real processes, or serve the UI.'
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.write(s),
      writeErr: (s) => err.write(s),
      // One line per error, suggestion included: "poolscope: unknown option '--jsn' (Did you mean --json?)"
      outputError: (s, write) =>
        write(
          `poolscope: ${s
            .replace(/^error: /, '')
            .trim()
            .replace(/\n/g, ' ')}\n`
        )
    })
    .showSuggestionAfterError()

  program
    .command('list')
    .description('list the scenarios and their parameters')
    .option('--json', 'one JSON object per scenario')
    .action(async (opts: { json?: boolean }) => {
      const service = new PoolScopeService()
      for (const s of await service.call('listScenarios', undefined)) {
        if (opts.json) {
          const params = s.params.map((p) => ({
            name: p.name,
            type: p.type,
            default: p.default,
            ...(p.type === 'enum' ? { options: p.options } : { min: p.min, max: p.max }),
            description: p.description.en
          }))
          out.write(JSON.stringify({ id: s.id, title: s.title, params }) + '\n')
        } else {
          const params = s.params.map((p) => `${p.name}=${p.default}`).join(' ')
          out.write(`${s.id.padEnd(14)} ${s.title.en}  [${params}]\n`)
        }
      }
    })

  program
    .command('run')
    .description('run a scenario and print what happens')
    .argument('<scenario>', 'scenario id (see `list`)')
    .option('--set <name=value>', 'set a parameter (repeatable)', collectSet, {})
    .option('--json', 'print events as JSON lines')
    .option('--trace <file>', `write the run to FILE when it ends; ${CSV_HELP}`)
    .addOption(formatOption('trace format (default: from the file name, else native)'))
    .addOption(
      new Option('--runtime <runtime>', 'node (re-enacted) or cpython (the lesson in real Python)')
        .choices(RUNTIMES)
        .default('node')
    )
    .action(async (scenario: string, opts: RunOptions) => {
      // Checked before the run starts, so that a typo does not cost a whole run.
      const target = opts.trace
        ? traceTarget(opts.trace, opts.format, '--trace')
        : opts.format
          ? fail('--format needs --trace FILE')
          : undefined
      code = await runScenario(scenario, opts, target, out, err)
    })

  registerWatch(program, { out, err, setCode: (c) => (code = c) })
  registerAttach(program, { out, err, setCode: (c) => (code = c) })
  registerPs(program, { out })

  program
    .command('convert')
    .description('convert a saved native trace (.poolscope.json[.gz]) to another format')
    .argument('<in>', 'native trace file')
    .addOption(formatOption('output format').makeOptionMandatory())
    .requiredOption('--out <file>', CSV_HELP)
    .action(async (input: string, opts: { format: TraceFormat; out: string }) => {
      const target = traceTarget(opts.out, opts.format, '--out')
      let trace
      try {
        trace = await loadTraceFile(input)
      } catch (e) {
        throw new BadArgument(e instanceof Error ? e.message : String(e))
      }
      code = await saveTrace(trace, target, true, out, err)
    })

  program
    .command('serve')
    .description('serve the UI and the API on 127.0.0.1 (open the printed URL in a browser)')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 5178)
    .option('--allow-signals', "let the page signal the machine's processes (explorer)")
    .option('--allow-programs', 'let the page start Python programs (the lessons in CPython)')
    .option(
      '--kept-events <n>',
      `events the ended runs kept for the history may hold in all (default: $${KEPT_EVENTS_ENV}, else ${DEFAULT_KEPT_EVENTS})`,
      parseKeptEventsArg
    )
    .action(async (opts: ServeOptions) => {
      code = await serve(opts, out)
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are not errors; commander already printed its one-line message
      return e.exitCode === 0 ? EXIT.ok : EXIT.badArgument
    }
    if (
      e instanceof BadArgument ||
      e instanceof KeptEventsError ||
      e instanceof TraceTargetError ||
      (e instanceof ApiError && e.code === 'bad-input')
    ) {
      err.write(`poolscope: ${oneLine(e.message)}\n`)
      return EXIT.badArgument
    }
    throw e
  }
  return code
}

async function runScenario(
  scenario: string,
  opts: RunOptions,
  target: TraceTarget | undefined,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream
): Promise<number> {
  const service = new PoolScopeService()
  // Both throw ApiError('bad-input') on a bad argument.
  const run =
    opts.runtime === 'cpython'
      ? service.startLessonRun(scenario, opts.set)
      : service.startRun(scenario, opts.set)
  return followRun(service, run, { json: !!opts.json, target, out, err })
}

interface ServeOptions {
  port: number
  allowSignals?: boolean
  allowPrograms?: boolean
  keptEvents?: number
}

async function serve(opts: ServeOptions, out: NodeJS.WritableStream): Promise<number> {
  const { port, keptEvents } = opts
  const service = new PoolScopeService({
    explorer: { allowSignals: opts.allowSignals === true },
    allowPrograms: opts.allowPrograms === true,
    keptEvents
  })
  // Serving ends with a signal: the runs are stopped, then the server closes.
  const shutdown = new ShutdownCoordinator().add(() => service.shutdown())
  let server
  try {
    server = await startServer(service, { port })
  } catch (e) {
    shutdown.dispose()
    const msg =
      (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${port} is in use (try --port 0)`
        : String(e)
    throw new BadArgument(msg)
  }
  shutdown.add(() => server.close())
  out.write(`PoolScope is serving at ${server.url}\n`)
  await shutdown.signalled
  await shutdown.shutdown()
  shutdown.dispose()
  return EXIT.ok
}
