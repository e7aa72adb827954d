// The sampler's sources on each platform: procfs on Linux, pidusage (ps on macOS, wmic or
// PowerShell on Windows) elsewhere, os.cpus() for the cores off Linux. The ps path macOS takes
// is run here for real (pidusage's usePs), against a child burning CPU.
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createCoreSource, osCores } from './coreTimes'
import { createProcReader } from './createProcReader'
import { PidusageReader } from './PidusageReader'

describe('the sampler on each platform', () => {
  it.each(['darwin', 'win32', 'freebsd'] as const)(
    '%s: pidusage for processes, os.cpus() for cores',
    (p) => {
      const reader = createProcReader(p)
      expect(reader.kind).toBe('pidusage')
      reader.close()
      expect(createCoreSource(p)).toBe(osCores)
    }
  )

  it.runIf(process.platform === 'linux')('linux: the procfs fast path', () => {
    const reader = createProcReader('linux')
    expect(reader.kind).toBe('procfs')
    reader.close()
    expect(createCoreSource('linux')).not.toBe(osCores)
  })

  it.runIf(process.platform !== 'win32')(
    "macOS's path (ps): a burning child's CPU time, memory and parent",
    async () => {
      const child = spawn(
        process.execPath,
        ['-e', 'for (const end = Date.now() + 20000; Date.now() < end; );'],
        {
          stdio: 'ignore'
        }
      )
      const reader = new PidusageReader(true)
      try {
        // procps's ps gives CPU time in whole seconds (macOS's in hundredths): wait for one.
        let later = (await reader.read([child.pid!])).get(child.pid!)
        for (let i = 0; i < 40 && !(later!.cpuTime > 0); i++) {
          await new Promise((r) => setTimeout(r, 250))
          later = (await reader.read([child.pid!])).get(child.pid!)
        }
        expect(later).toMatchObject({ pid: child.pid, ppid: process.pid, alive: true })
        expect(later!.rss).toBeGreaterThan(1_000_000)
        expect(later!.cpuTime).toBeGreaterThan(0)
        const both = await reader.read([child.pid!, 999_999_999])
        expect([...both.keys()], 'a gone pid is absent').toEqual([child.pid])
      } finally {
        reader.close()
        child.kill('SIGKILL')
        await once(child, 'exit')
      }
    }
  )

  it.runIf(process.platform !== 'win32')(
    'pidusage (ps and procfs): a zombie, exited and not reaped, is not taken for alive',
    async () => {
      // sh starts `sleep 0`, prints its PID and becomes `sleep 30`, which never reaps it
      const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
        stdio: ['ignore', 'pipe', 'ignore']
      })
      const readers = [new PidusageReader(true), new PidusageReader(false)]
      try {
        const [line] = (await once(parent.stdout, 'data')) as [Buffer]
        const zombie = Number(line.toString().trim())
        const state = (): string =>
          spawnSync('ps', ['-o', 'stat=', '-p', String(zombie)], { encoding: 'utf8' }).stdout
        for (let i = 0; i < 100 && !state().includes('Z'); i++)
          await new Promise((r) => setTimeout(r, 20))
        expect(state(), 'the child is a zombie').toContain('Z')
        for (const reader of readers) {
          const row = (await reader.read([zombie, parent.pid!])).get(zombie)
          expect(row, 'pidusage still lists it').toBeDefined()
          expect(row).toMatchObject({ alive: false, rss: 0 })
        }
        // and the live one beside it is alive
        const live = (await readers[0]!.read([parent.pid!])).get(parent.pid!)
        expect(live).toMatchObject({ alive: true })
      } finally {
        for (const r of readers) r.close()
        parent.kill('SIGKILL')
        await once(parent, 'exit')
      }
    }
  )
})
