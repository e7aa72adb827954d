// Command-line parsing (commander) and the commands: list, run, serve.
// Exit status: 0 ok (verdict passed), 1 verdict failed, 2 bad argument, 3 run failed.
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import type { RunEvent } from '../../shared/events'
import { ApiError } from '../core/host/ApiError'
import { PoolScopeService } from '../core/host/PoolScopeService'
import { formatEvent } from './formatEvent'
import { startServer } from './serve'

export const EXIT = { ok: 0, verdictFailed: 1, badArgument: 2, runFailed: 3 } as const

class BadArgument extends Error {}

function collectSet(value: string, prev: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`expected name=value, got '${value}'`)
  return { ...prev, [value.slice(0, eq)]: value.slice(eq + 1) }
}

function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
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
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) })
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
    .action(async (scenario: string, opts: { set: Record<string, string>; json?: boolean }) => {
      code = await runScenario(scenario, opts.set, !!opts.json, out)
    })

  program
    .command('serve')
    .description('serve the UI and the API on 127.0.0.1 (open the printed URL in a browser)')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 5178)
    .action(async (opts: { port: number }) => {
      code = await serve(opts.port, out)
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are not errors; commander already printed its one-line message
      return e.exitCode === 0 ? EXIT.ok : EXIT.badArgument
    }
    if (e instanceof BadArgument || (e instanceof ApiError && e.code === 'bad-input')) {
      err.write(`poolscope: ${e.message}\n`)
      return EXIT.badArgument
    }
    throw e
  }
  return code
}

async function runScenario(
  scenario: string,
  set: Record<string, string>,
  json: boolean,
  out: NodeJS.WritableStream
): Promise<number> {
  const service = new PoolScopeService()
  const run = service.startRun(scenario, set) // throws ApiError('bad-input') on a bad argument
  const print = (e: RunEvent): void => {
    out.write((json ? JSON.stringify(e) : formatEvent(e)) + '\n')
  }
  const unsubscribe = service.subscribe((batch) => batch.events.forEach(print))
  const stop = (): void => void run.stop()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await run.done
  await service.shutdown()
  unsubscribe()
  process.off('SIGINT', stop)
  process.off('SIGTERM', stop)
  if (run.status !== 'finished') return run.status === 'stopped' ? EXIT.runFailed : EXIT.runFailed
  return run.verdict?.passed ? EXIT.ok : EXIT.verdictFailed
}

async function serve(port: number, out: NodeJS.WritableStream): Promise<number> {
  const service = new PoolScopeService()
  let server
  try {
    server = await startServer(service, { port })
  } catch (e) {
    const msg =
      (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${port} is in use (try --port 0)`
        : String(e)
    throw new BadArgument(msg)
  }
  out.write(`PoolScope is serving at ${server.url}\n`)
  await new Promise<void>((resolve) => {
    const shutdown = (): void => resolve()
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
  })
  await service.shutdown()
  await server.close()
  return EXIT.ok
}
