import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { canFindTagged, isAlive } from './procfs'

const platform = process.platform
const setPlatform = (p: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: p })
afterEach(() => setPlatform(platform))
// /proc is Linux's own; the signal-0 path runs anywhere.
const platforms: NodeJS.Platform[] =
  platform === 'linux' ? ['linux', 'darwin', 'win32'] : ['darwin', 'win32']

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((r) => child.once('exit', r))
  return child.pid!
}

describe('procfs', () => {
  it('finds tagged processes only where /proc shows their environment (Linux)', () => {
    expect(canFindTagged('linux')).toBe(true)
    expect(canFindTagged('darwin')).toBe(false)
    expect(canFindTagged('win32')).toBe(false)
  })

  it.each(platforms)('isAlive as on %s: this process yes, an exited child no', async (p) => {
    const gone = await exitedPid()
    setPlatform(p)
    expect(isAlive(process.pid)).toBe(true)
    expect(isAlive(gone)).toBe(false)
  })
})
