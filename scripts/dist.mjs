// `npm run dist [-- electron-builder args]`: the installers for this platform (electron-builder.yml)
// in dist/. Where the Electron binary cannot be had it stops at once, in one sentence; otherwise it
// packages that very binary (electronDist), so nothing is downloaded a second time.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { builderArgs } from './builderArgs.mjs'
import { electronDistDir, requireElectronBinary } from './electronBinary.mjs'

const root = join(import.meta.dirname, '..')
const binary = requireElectronBinary(
  'build installers',
  'build them where it can be downloaded (the CI workflow does on tags), or set ' +
    'ELECTRON_OVERRIDE_DIST_PATH to a folder holding it'
)

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: true })
if (build.status !== 0) process.exit(build.status ?? 1)

const { args, env, note } = builderArgs(electronDistDir(binary), process.env, process.platform)
if (note) console.error(note)
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js')
const r = spawnSync(process.execPath, [cli, ...args, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env
})
process.exit(r.status ?? 1)
