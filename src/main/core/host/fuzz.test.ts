// Property tests for bad input at the API's front doors: every command with arbitrary payloads,
// scenario parameter sets, and CLI argument lists. Each gets a clear error (or works), and the
// host keeps serving. FUZZ_RUNS=N runs longer (default short for npm test).
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { COMMAND_NAMES } from '../../../shared/channel/names'
import { programs } from '../scenarios/registry'
import { EXIT, runCli } from '../../headless/runCli'
import { ApiError } from './ApiError'
import { PoolScopeService } from './PoolScopeService'

const numRuns = Number(process.env.FUZZ_RUNS ?? 150)
const service = new PoolScopeService()
afterAll(() => service.shutdown())

/** Payloads that look almost right: the commands' own field names with arbitrary values. */
const nearMiss = fc.dictionary(
  fc.constantFrom(
    'scenario',
    'params',
    'runId',
    'pid',
    'signal',
    'format',
    'fileName',
    'content',
    '__proto__',
    'constructor'
  ),
  fc.oneof(
    fc.anything(),
    fc.constantFrom('hello', 'run-1', 'SIGKILL', 'native', 1e308, -1, '', '\u0000')
  )
)

describe('fuzz: API commands', () => {
  it('every command answers arbitrary input with a result or an ApiError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMAND_NAMES),
        fc.oneof(fc.anything(), nearMiss),
        async (name, input) => {
          if (name === 'startRun') return // started runs are fuzzed below, with their cleanup
          try {
            await service.call(name, input)
          } catch (err) {
            expect(err).toBeInstanceOf(ApiError)
            expect((err as ApiError).message.length).toBeGreaterThan(0)
          }
        }
      ),
      { numRuns }
    )
    // still serving
    expect((await service.call('listScenarios', undefined)).length).toBeGreaterThan(0)
  })

  it('startRun with arbitrary parameter sets is refused naming the parameter, or runs', async () => {
    const paramNames = [
      ...new Set([...programs.values()].flatMap((s) => s.spec.params.map((p) => p.name)))
    ]
    const params = fc.dictionary(
      fc.oneof(fc.constantFrom(...paramNames), fc.string()),
      fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.constantFrom('1e3', 'NaN', 'Infinity', '-0', ' 2 ')
      )
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('hello', 'nope', ''), params, async (scenario, given) => {
        try {
          const info = await service.call('startRun', { scenario, params: given })
          await service.call('stopRun', { runId: info.id })
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError)
          const message = (err as ApiError).message
          // the message names the scenario or one of the given parameters
          const named = [scenario, ...Object.keys(given)].some(
            (n) => n && message.includes(`'${n}'`)
          )
          expect(named || message.startsWith('startRun: input.')).toBe(true)
        }
      }),
      { numRuns: Math.ceil(numRuns / 3) }
    )
  })
})

describe('fuzz: trace files', () => {
  it('a damaged trace is refused with one clear error naming the file, or opens', async () => {
    const run = service.startRun('hello', { pace: 0.1 })
    await run.done
    const good = (await service.call('exportRun', { runId: run.id, format: 'native' })).content
    const damaged = fc.oneof(
      // cut short, or a slice taken out
      fc.nat({ max: good.length }).map((n) => good.slice(0, n)),
      fc
        .tuple(fc.nat({ max: good.length }), fc.nat({ max: 200 }))
        .map(([at, n]) => good.slice(0, at) + good.slice(at + n)),
      // bytes inserted
      fc
        .tuple(fc.nat({ max: good.length }), fc.string({ minLength: 1, maxLength: 8 }))
        .map(([at, x]) => good.slice(0, at) + x + good.slice(at)),
      // a value swapped for an arbitrary JSON value
      fc.tuple(fc.nat(), fc.jsonValue()).map(([k, v]) => {
        const doc = JSON.parse(good) as { events: Record<string, unknown>[] }
        const ev = doc.events[k % doc.events.length]!
        const key = Object.keys(ev)[k % Object.keys(ev).length]!
        ev[key] = v
        return JSON.stringify(doc)
      })
    )
    await fc.assert(
      fc.asyncProperty(damaged, async (content) => {
        try {
          await service.call('openTrace', { fileName: 'damaged.poolscope.json', content })
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError)
          expect((err as ApiError).code).toBe('bad-input')
          expect((err as ApiError).message).toMatch(/^damaged\.poolscope\.json: ./)
          expect((err as ApiError).message).not.toContain('\n')
        }
      }),
      { numRuns }
    )
    expect((await service.call('listRuns', undefined)).length).toBeGreaterThan(0) // still serving
  })
})

describe('fuzz: CLI arguments', () => {
  it('arbitrary argument lists exit 0 or 2, with exactly one line on stderr for 2', async () => {
    const word = fc.oneof(
      fc.constantFrom(
        'list',
        'run',
        'serve',
        '--json',
        '--set',
        '--port',
        'hello',
        'pace=1',
        'x=y',
        '-h'
      ),
      fc.string()
    )
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 5 }), async (argv) => {
        // `serve` with valid arguments would start serving: only its refusals are fuzzed here.
        if (argv[0] === 'serve' && !argv.includes('--port')) return
        if (argv[0] === 'serve' && /^\d+$/.test(argv[argv.indexOf('--port') + 1] ?? '')) return
        if (argv[0] === 'run' && argv[1] === 'hello' && !argv.includes('-h')) return // a real run; covered elsewhere
        const out: string[] = []
        const err: string[] = []
        const sink = (into: string[]) =>
          ({ write: (s: string) => (into.push(s), true) }) as unknown as NodeJS.WritableStream
        const code = await runCli(argv, sink(out), sink(err))
        expect([EXIT.ok, EXIT.badArgument]).toContain(code)
        if (code === EXIT.badArgument && argv.length > 0)
          expect(err.join('').trim().split('\n')).toHaveLength(1)
      }),
      { numRuns }
    )
  })
})
