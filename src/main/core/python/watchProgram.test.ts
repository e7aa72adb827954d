// "Watch a Python program" through the API (what the UI's form sends): what the host tells the
// page (refused or not, the interpreter found on a fake PATH, the lessons), bad input named,
// and real programs: a script with its arguments and working directory, a lesson with its
// options and its scenario's verdict, and an interpreter that loads no sitecustomize.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../shared/events'
import { PoolScopeService } from '../host/PoolScopeService'
import { defaultPython, scriptFile, watchProgram } from '../../../../test/python/watchProgram'
import { NO_WATCH } from '../../../../test/platforms'
import { expectVerdictPassed } from '../../../../test/core/scenarios/runScenario'

const services: PoolScopeService[] = []
function host(opts: ConstructorParameters<typeof PoolScopeService>[0] = {}): PoolScopeService {
  const s = new PoolScopeService({ monitor: { liveHz: 10, idleHz: 1 }, ...opts })
  services.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.shutdown()))
})

function binDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-bin-'))
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text)
    chmodSync(join(dir, name), 0o755)
  }
  return dir
}

describe('programSupport: what the page is told', () => {
  const PATH = process.env.PATH
  afterEach(() => void (process.env.PATH = PATH))

  it('no python3 on a fake PATH: what was tried; an old one: its version', async () => {
    process.env.PATH = binDir({})
    const none = await host().call('programSupport', undefined)
    expect(none.python).toEqual({ error: expect.stringContaining('python3 (not on PATH)') })
    expect(none.refused).toBeNull()
    const old = binDir({ python3: '#!/bin/sh\necho /opt/old/python3.6\necho 3 6 15\n' })
    process.env.PATH = old
    const support = await host().call('programSupport', undefined)
    expect(support.python).toEqual({
      error: expect.stringContaining(`${old}/python3 (Python 3.6.15, older than 3.8)`)
    })
  })

  it.skipIf(NO_WATCH)(
    `python3 on PATH: the real interpreter and its version; the lessons${NO_WATCH}`,
    async () => {
      const support = await host().call('programSupport', undefined)
      const py = defaultPython()
      expect(support.python).toEqual({
        executable: py.executable,
        version: py.version.join('.')
      })
      expect(support.lessons).toContain('queue')
      expect(support.lessons).not.toContain('hello')
      expect(support.picker).toBe(false)
    }
  )

  it('serve without --allow-programs: refused with the reason, before any click', async () => {
    const service = host({ allowPrograms: false })
    const support = await service.call('programSupport', undefined)
    expect(support.refused).toMatch(/--allow-programs/)
    await expect(
      service.call('watchProgram', { program: { kind: 'script', path: '/bin/true' } })
    ).rejects.toMatchObject({ code: 'refused', message: support.refused })
    expect(await service.call('listRuns', undefined)).toEqual([])
  })
})

describe('watchProgram: bad input is named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-watch-'))
  const script = join(dir, 'prog.py')
  writeFileSync(script, 'print(1)\n')
  mkdirSync(join(dir, 'sub'))
  const cases: [string, unknown, RegExp][] = [
    [
      'no such file',
      { program: { kind: 'script', path: join(dir, 'nope.py') } },
      /no such script: .*nope\.py/
    ],
    [
      'a directory as the script',
      { program: { kind: 'script', path: join(dir, 'sub') } },
      /script is not a file: .*sub$/
    ],
    [
      'no such cwd',
      { program: { kind: 'script', path: script }, cwd: join(dir, 'gone') },
      /working directory: no such directory: .*gone$/
    ],
    [
      'a file as the cwd',
      { program: { kind: 'script', path: script }, cwd: script },
      /working directory is not a directory: .*prog\.py$/
    ],
    [
      'a bad module name',
      { program: { kind: 'module', name: 'os; rm' } },
      /not a module name: 'os; rm'/
    ],
    [
      'an unknown lesson',
      { program: { kind: 'lesson', scenario: 'nope' } },
      /unknown scenario 'nope'/
    ],
    [
      'an unknown lesson option',
      { program: { kind: 'lesson', scenario: 'queue' }, args: ['--bogus', '1'] },
      /lesson queue: unknown option '--bogus' \(known: --senders/
    ],
    [
      'an out-of-range lesson option',
      { program: { kind: 'lesson', scenario: 'queue' }, args: ['--senders=0'] },
      /lesson queue: parameter 'senders' must be between/
    ],
    [
      'a bad start method',
      { program: { kind: 'lesson', scenario: 'queue' }, args: ['--start-method', 'vfork'] },
      /--start-method must be one of fork, spawn, forkserver, not 'vfork'/
    ],
    [
      'a missing interpreter',
      { program: { kind: 'script', path: script }, python: join(dir, 'python9') },
      /tried: .*python9 \(not found\)/
    ],
    [
      'a field the API does not know',
      { program: { kind: 'script', path: script }, shell: true },
      /watchProgram: .*shell/
    ]
  ]
  it.each(cases)('%s', async (_what, input, message) => {
    const service = host()
    await expect(service.call('watchProgram', input)).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringMatching(message)
    })
    expect(await service.call('listRuns', undefined)).toEqual([])
  })
})

function of<K extends RunEvent['type']>(events: Iterable<RunEvent>, type: K) {
  return [...events].filter((e) => e.type === type) as Extract<RunEvent, { type: K }>[]
}

describe.skipIf(NO_WATCH)(`watchProgram: real programs${NO_WATCH}`, () => {
  it('a script with arguments runs in its own directory by default, or in the cwd given', async () => {
    const script = scriptFile('import os, sys\nprint(os.getcwd(), sys.argv[1:])\n')
    const other = mkdtempSync(join(tmpdir(), 'poolscope-cwd-'))
    const service = host()
    for (const [cwd, expected] of [
      [undefined, dirname(script)],
      [other, other]
    ] as const) {
      const info = await service.call('watchProgram', {
        program: { kind: 'script', path: script },
        args: ['a b', '--x'],
        ...(cwd ? { cwd } : {})
      })
      expect(info).toMatchObject({ kind: 'program', scenario: 'prog.py' })
      const run = service.getRun(info.id)
      await run.done
      const out = of(run.events, 'stdout')
        .map((e) => e.text)
        .join('')
      expect(out).toBe(`${expected} ['a b', '--x']\n`)
      expect(run.verdict?.passed).toBe(true)
    }
  })

  it("a lesson with its options: the scenario's verdict, the options as its parameters", async () => {
    const service = host()
    const info = await service.call('watchProgram', {
      program: { kind: 'lesson', scenario: 'queue' },
      args: ['--senders', '2', '--reads=2', '--start-method', 'spawn']
    })
    expect(info).toMatchObject({
      kind: 'program',
      scenario: 'queue',
      params: { senders: 2, reads: 2, runtime: 'cpython' }
    })
    const run = service.getRun(info.id)
    await run.done
    expectVerdictPassed(run.verdict)
    expect(of(run.events, 'queue.put')).toHaveLength(2)
  })

  it('an interpreter that loads no sitecustomize (-S): its tree and CPU from /proc, marked uninstrumented while it runs', async () => {
    const real = defaultPython()
    const wrapper = join(
      binDir({ 'python-S': `#!/bin/sh\nexec ${real.executable} -S "$@"\n` }),
      'python-S'
    )
    const script = scriptFile(
      [
        'import os, time',
        'pid = os.fork()',
        'if pid == 0:',
        '    end = time.time() + 1.5',
        '    while time.time() < end: pass',
        '    os._exit(0)',
        'os.waitpid(pid, 0)',
        'time.sleep(0.3)'
      ].join('\n')
    )
    const run = await watchProgram([script], { python: { ...real, executable: wrapper } })
    const events = [...run.events]
    expect(run.result).toMatchObject({ exitCode: 0, instrumented: false })
    const spawned = of(events, 'proc.spawn')
    const main = run.result!.mainPid!
    expect(spawned.map((e) => e.pid)).toContain(main)
    const child = spawned.find((e) => e.ppid === main)
    expect(child, JSON.stringify(spawned)).toBeDefined()
    const busy = of(events, 'sample').flatMap((s) =>
      s.procs.filter((p) => p.pid === child!.pid && (p.cpu ?? 0) > 20)
    )
    expect(busy.length).toBeGreaterThan(0)
    const notices = of(events, 'log').filter((e) => e.topic === 'uninstrumented')
    expect(notices).toHaveLength(1)
    const end = events.findIndex((e) => e.type === 'run.end')
    const lastExit = events.findLastIndex((e) => e.type === 'proc.exit')
    // said while the program still ran, not only at its end
    expect(events.indexOf(notices[0]!)).toBeLessThan(lastExit)
    expect(end).toBeGreaterThan(lastExit)
  })
})
