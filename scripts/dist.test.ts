// `npm run dist` where the Electron binary cannot be had (here: always; elsewhere: an empty
// ELECTRON_OVERRIDE_DIST_PATH), and the electron-builder command line it would run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { builderArgs } from './builderArgs.mjs'
import { electronBinary, electronDistDir } from './electronBinary.mjs'

const root = join(__dirname, '..')
const empty = mkdtempSync(join(tmpdir(), 'poolscope-no-electron-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

function dist(env: Record<string, string>) {
  return spawnSync('npm', ['run', '--silent', 'dist'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
    timeout: 60_000
  })
}

function expectOneSentence(r: ReturnType<typeof dist>) {
  expect(r.status, r.stderr).toBe(1)
  expect(r.stderr.trim()).toMatch(
    /^PoolScope cannot build installers because the Electron binary could not be obtained .*ELECTRON_OVERRIDE_DIST_PATH to a folder holding it\.$/
  )
  expect(r.stderr).not.toMatch(/^\s+at /m) // no stack trace
  expect(r.stdout.trim()).toBe('')
}

describe('npm run dist without an Electron binary', () => {
  it('stops at once with one sentence and exit 1 (an empty ELECTRON_OVERRIDE_DIST_PATH)', () => {
    const distDir = join(root, 'dist')
    const before = existsSync(distDir)
    expectOneSentence(dist({ ELECTRON_OVERRIDE_DIST_PATH: empty }))
    expect(existsSync(distDir), 'nothing built').toBe(before)
  })

  it.skipIf(electronBinary() !== null)(
    'stops the same way where the download fails (skipped where the binary exists)',
    () => {
      const env: Record<string, string> = {}
      if (process.env.ELECTRON_OVERRIDE_DIST_PATH) env.ELECTRON_OVERRIDE_DIST_PATH = ''
      expectOneSentence(dist(env))
    }
  )
})

describe('the electron-builder command line', () => {
  it('packages the Electron folder that holds the binary (macOS: around Electron.app)', () => {
    expect(electronDistDir('/x/node_modules/electron/dist/electron')).toBe(
      '/x/node_modules/electron/dist'
    )
    expect(electronDistDir('/x/dist/Electron.app/Contents/MacOS/Electron')).toBe('/x/dist')
  })

  it('never publishes and signs only with a given certificate', () => {
    const { args, env } = builderArgs('/e', { PATH: '/bin' }, 'darwin')
    expect(args.slice(0, 3)).toEqual(['--publish', 'never', '-c.electronDist=/e'])
    expect(env).toEqual({ PATH: '/bin', CSC_IDENTITY_AUTO_DISCOVERY: 'false' })
    expect(builderArgs('/e', { CSC_LINK: 'cert.p12' }, 'darwin').env).toEqual({
      CSC_LINK: 'cert.p12'
    })
    expect(
      builderArgs('/e', { CSC_NAME: 'Dev ID' }, 'darwin').env.CSC_IDENTITY_AUTO_DISCOVERY
    ).toBeUndefined()
  })

  it("takes the deb's homepage and maintainer from GitHub Actions or POOLSCOPE_*", () => {
    const gh = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'o/poolscope',
      GITHUB_REPOSITORY_OWNER: 'o'
    }
    const r = builderArgs('/e', gh, 'linux')
    expect(r.args).toContain('-c.extraMetadata.homepage=https://github.com/o/poolscope')
    expect(r.args).toContain('-c.linux.maintainer=o <o@users.noreply.github.com>')
    expect(r.note).toBeNull()
    const own = builderArgs(
      '/e',
      { ...gh, POOLSCOPE_HOMEPAGE: 'https://p.example', POOLSCOPE_MAINTAINER: 'P <p@p.example>' },
      'linux'
    )
    expect(own.args).toContain('-c.extraMetadata.homepage=https://p.example')
    expect(own.args).toContain('-c.linux.maintainer=P <p@p.example>')
  })

  it('builds the AppImage alone, and says so, where the deb lacks them', () => {
    const r = builderArgs('/e', {}, 'linux')
    expect(r.args).toContain('-c.linux.target=AppImage')
    expect(r.note).toMatch(/AppImage only.*POOLSCOPE_HOMEPAGE/)
    const mac = builderArgs('/e', {}, 'darwin')
    expect(mac.args.some((a) => a.startsWith('-c.linux'))).toBe(false)
    expect(mac.note).toBeNull()
  })
})
