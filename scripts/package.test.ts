// Packages the app for real with electron-builder.yml (`--linux dir`: no installer tools needed)
// around a stand-in Electron binary, and checks what the package holds: the built bundles with
// the worker inside app.asar, the runtime dependencies only, the Python files as plain files
// beside it, and nothing from src, tests, benches or docs. The Electron fuses are left out (the
// stand-in has none to flip); the real binary is packaged by `npm run dist`.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(__dirname, '..')
const requireFrom = createRequire(__filename)
const tmp = mkdtempSync(join(tmpdir(), 'poolscope-package-'))
const appOut = join(tmp, 'out', 'linux-unpacked')
const asarFile = join(appOut, 'resources', 'app.asar')
let entries: string[] = []

function write(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/worker.js'))) {
    const b = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' })
    expect(b.status, b.stderr).toBe(0)
  }
  write(join(tmp, 'electron/electron'), '#!/bin/sh\nexit 0\n')
  chmodSync(join(tmp, 'electron/electron'), 0o755)
  const python = join(tmp, 'python')
  write(join(python, 'lesson.py'), 'print("hello")\n')
  write(join(python, 'shim/sitecustomize.py'), '\n')
  write(join(python, '__pycache__/lesson.cpython-311.pyc'), 'x')
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))
  writeFileSync(
    join(tmp, 'config.json'),
    JSON.stringify({
      extends: join(root, 'electron-builder.yml'),
      electronDist: join(tmp, 'electron'),
      electronFuses: null,
      directories: { output: join(tmp, 'out') },
      // The same entry with a fixture for its source: resources/python may not exist yet.
      extraResources: [{ ...config.extraResources[0], from: python }]
    })
  )
  const cli = requireFrom.resolve('electron-builder/cli.js')
  const r = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--publish', 'never', '--config', join(tmp, 'config.json')],
    { cwd: root, encoding: 'utf8', timeout: 150_000 }
  )
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  entries = listPackage(asarFile, { isPack: false }).map((e) => e.replaceAll('\\', '/'))
}, 180_000)

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe.skipIf(process.platform !== 'linux')('the packaged app (Linux dir target)', () => {
  it('holds the built bundles, the worker entry inside app.asar, and the window icon', () => {
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/main/worker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/resources/icon.png'
    ])
      expect(entries, f).toContain(f)
    expect(existsSync(`${asarFile}.unpacked`), 'nothing unpacked').toBe(false)
    const pkg = JSON.parse(extractFile(asarFile, 'package.json').toString('utf8'))
    expect(pkg.main).toBe('./out/main/index.js')
  })

  it('holds nothing from sources, tests, benches, docs or source maps', () => {
    const own = entries.filter((e) => !e.startsWith('/node_modules'))
    const allowed =
      /^\/(package\.json|out(\/(main|preload|renderer)(\/.*)?)?|resources(\/icon\.png)?)$/
    expect(own.filter((e) => !allowed.test(e))).toEqual([])
    expect(entries.filter((e) => /\.(map|test\.[jt]sx?|spec\.ts)$/.test(e))).toEqual([])
  })

  it('holds the runtime dependencies and none of the bundled renderer libraries', () => {
    const modules = new Set(
      entries.filter((e) => /^\/node_modules\/[^/]+$/.test(e)).map((e) => e.slice(14))
    )
    const deps = Object.keys(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies
    )
    for (const d of deps) expect(modules, d).toContain(d)
    for (const bundled of ['react', 'react-dom', 'recharts', 'i18next', 'electron', 'vitest'])
      expect(modules, bundled).not.toContain(bundled)
  })

  it('ships the Python files as plain files under resources/python, without __pycache__', () => {
    const python = join(appOut, 'resources', 'python')
    expect(readFileSync(join(python, 'lesson.py'), 'utf8')).toBe('print("hello")\n')
    expect(existsSync(join(python, 'shim/sitecustomize.py'))).toBe(true)
    expect(existsSync(join(python, '__pycache__'))).toBe(false)
  })
})
