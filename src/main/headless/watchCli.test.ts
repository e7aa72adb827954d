import { describe, expect, it } from 'vitest'
import { RunEventSchema } from '../../shared/events'
import { cli } from '../../../test/headless/runCliCapture'
import { scriptFile } from '../../../test/python/watchProgram'
import { EXIT } from './runCli'
import { NO_WATCH } from '../../../test/platforms'

describe.skipIf(NO_WATCH)(`poolscope watch${NO_WATCH}`, () => {
  it('prints the events as JSON lines and ends with run.end holding the exit code', async () => {
    const script = scriptFile('import sys\nprint("hi", sys.argv[1:])\nsys.exit(4)\n')
    const { code, out } = await cli('watch', '--json', '--', script, 'a', 'b')
    const events = out
      .trim()
      .split('\n')
      .map((l) => RunEventSchema.parse(JSON.parse(l)))
    const end = events.at(-1)!
    expect(end.type).toBe('run.end')
    if (end.type !== 'run.end') return
    expect(end.result).toMatchObject({ exitCode: 4, instrumented: true })
    expect(end.verdict.passed).toBe(false)
    expect(code).toBe(EXIT.verdictFailed)
    const text = events.flatMap((e) => (e.type === 'stdout' ? [e.text] : [])).join('')
    expect(text).toContain("hi ['a', 'b']")
  })

  it('a syntax error fails with its traceback on stderr and exit code 1', async () => {
    const { code, out } = await cli('watch', '--json', '--', scriptFile('def (:\n'))
    const events = out
      .trim()
      .split('\n')
      .map((l) => RunEventSchema.parse(JSON.parse(l)))
    const stderr = events.flatMap((e) => (e.type === 'stderr' ? [e.text] : [])).join('')
    expect(stderr).toContain('SyntaxError')
    const end = events.at(-1)
    expect(end?.type === 'run.end' && end.result).toMatchObject({ exitCode: 1 })
    expect(code).toBe(EXIT.verdictFailed)
  })

  it('refuses a missing script, a bad interpreter and a bad timeout (exit 2, one line)', async () => {
    const missing = await cli('watch', '--', '/nonexistent/x.py')
    expect(missing.code).toBe(EXIT.badArgument)
    expect(missing.err).toMatch(/no such script: \/nonexistent\/x.py\n$/)
    const bad = await cli('watch', '--python', '/bin/false', '--', scriptFile('pass\n'))
    expect(bad.code).toBe(EXIT.badArgument)
    expect(bad.err).toContain('tried: /bin/false')
    const old = await cli('watch', '--timeout', '0', '--', scriptFile('pass\n'))
    expect(old.code).toBe(EXIT.badArgument)
  })

  it('--timeout stops a program that would run on, and nothing of it survives', async () => {
    const script = scriptFile('import os, time\nos.fork()\ntime.sleep(60)\n')
    const { code, out } = await cli('watch', '--json', '--timeout', '4', '--', script)
    const events = out
      .trim()
      .split('\n')
      .map((l) => RunEventSchema.parse(JSON.parse(l)))
    const end = events.at(-1)
    expect(end?.type === 'run.end' && end.status).toBe('stopped')
    expect(code).toBe(EXIT.runFailed)
    const spawned = events.flatMap((e) => (e.type === 'proc.spawn' ? [e.pid] : []))
    expect(spawned.length).toBe(2)
    for (const pid of spawned) expect(() => process.kill(pid, 0)).toThrow()
  })
})
