import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Check, RunEvent } from '../../shared/events'
import { checkChromeTrace } from '../core/trace/checkChromeTrace'
import { loadTraceFile } from '../core/trace/loadTraceFile'
import { EXIT } from './runCli'
import { cli } from '../../../test/headless/runCliCapture'

describe('poolscope CLI traces', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poolscope-cli-trace-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const at = (name: string): string => join(dir, name)

  it('run hello --trace FILE.trace.json writes a well-formed Chrome trace (format from the name)', async () => {
    const { code, out, err } = await cli(
      'run',
      'hello',
      '--set',
      'pace=0.1',
      '--trace',
      at('h.trace.json')
    )
    expect(err).toBe('')
    expect(code).toBe(EXIT.ok)
    expect(out).toContain(`trace (chrome) written: ${at('h.trace.json')}`)
    expect(checkChromeTrace(readFileSync(at('h.trace.json'), 'utf8'))).toEqual([])
  })

  it('run --json --trace FILE.gz: the file holds exactly the events printed', async () => {
    const path = at('h.poolscope.json.gz')
    const { code, out } = await cli('run', 'hello', '--set', 'pace=0.1', '--json', '--trace', path)
    expect(code).toBe(EXIT.ok)
    const printed = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent)
    const trace = await loadTraceFile(path)
    // the printed run.end adds each check's English texts; the trace holds ids and figures
    const words = ({ name, observed, why, ...c }: Check & { why?: string }) => {
      expect([name, observed, why].filter(Boolean).join(' ')).not.toBe('')
      return c
    }
    expect(trace.events).toEqual(
      printed.map((e) =>
        e.type === 'run.end'
          ? { ...e, verdict: { ...e.verdict, checks: e.verdict.checks.map(words) } }
          : e
      )
    )
    expect(trace).toMatchObject({ status: 'finished', verdict: { passed: true } })
    expect(trace.meta).toMatchObject({
      scenario: 'hello',
      hostPid: process.pid,
      params: { pace: 0.1 }
    })
  })

  it('convert a saved native trace to CSV (one file per table) and to Chrome JSON', async () => {
    const src = at('h.poolscope.json.gz')
    if (!existsSync(src)) await cli('run', 'hello', '--set', 'pace=0.1', '--trace', src)
    const csv = await cli('convert', src, '--format', 'csv', '--out', at('c.csv'))
    expect(csv.code).toBe(EXIT.ok)
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('c.'))
        .sort()
    ).toEqual(['c.events.csv', 'c.samples-cores.csv', 'c.samples-procs.csv'])
    expect(readFileSync(at('c.events.csv'), 'utf8')).toMatch(/^time_ms,type,pid,/)
    const chrome = await cli('convert', src, '--format', 'chrome', '--out', at('c.json'))
    expect(chrome.code).toBe(EXIT.ok)
    expect(checkChromeTrace(readFileSync(at('c.json'), 'utf8'))).toEqual([])
  })

  it.each([
    [
      ['run', 'hello', '--trace', '/no/such/dir/x.trace.json'],
      "--trace: directory '/no/such/dir' does not exist"
    ],
    [['run', 'hello', '--trace', 'x.json', '--format', 'pdf'], "argument 'pdf' is invalid"],
    [['run', 'hello', '--format', 'csv'], '--format needs --trace FILE'],
    [
      ['convert', 'in.json', '--out', 'x.json'],
      "required option '--format <format>' not specified"
    ],
    [['convert', 'in.json', '--format', 'chrome'], "required option '--out <file>' not specified"],
    [
      ['convert', '/no/such/file.poolscope.json', '--format', 'chrome', '--out', 'x.json'],
      '/no/such/file.poolscope.json: cannot read (ENOENT'
    ]
  ])('%j exits 2 with one line naming the bad argument', async (argv, message) => {
    const { code, err, out } = await cli(...argv)
    expect(code).toBe(EXIT.badArgument)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain(message)
    expect(out).toBe('')
  })

  it('convert of a file that is not a trace exits 2 naming the file and what is wrong', async () => {
    writeFileSync(at('bad.poolscope.json'), '{"format":"poolscope-trace","version":9}')
    const { code, err } = await cli(
      'convert',
      at('bad.poolscope.json'),
      '--format',
      'chrome',
      '--out',
      at('bad.json')
    )
    expect(code).toBe(EXIT.badArgument)
    expect(err).toBe(
      `poolscope: ${at('bad.poolscope.json')}: unsupported trace version 9 (this app reads version 1)\n`
    )
    expect(existsSync(at('bad.json'))).toBe(false)
  })

  it.skipIf(process.platform !== 'linux')(
    'a trace that cannot be written: exit 3, why, and no file',
    async () => {
      const src = at('h.poolscope.json.gz')
      if (!existsSync(src)) await cli('run', 'hello', '--set', 'pace=0.1', '--trace', src)
      const { code, err } = await cli(
        'convert',
        src,
        '--format',
        'chrome',
        '--out',
        '/sys/x.trace.json'
      )
      expect(code).toBe(EXIT.runFailed)
      expect(err).toBe('poolscope: cannot write /sys/x.trace.json: permission denied (EACCES)\n')
      expect(existsSync('/sys/x.trace.json')).toBe(false)
    }
  )
})
