// `npm start`: build, then open the desktop app. Without the Electron binary (it is downloaded
// on first use) say so in one sentence and point to serve mode instead of a stack trace.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { requireElectronBinary } from './electronBinary.mjs'

const require = createRequire(import.meta.url)
requireElectronBinary(
  'start its desktop window',
  'run `npm run poolscope -- serve` and open the printed URL in a browser instead'
)
const dev = process.argv.includes('--dev')
const bin = require.resolve('electron-vite/bin/electron-vite.js')
const r = spawnSync(process.execPath, [bin, dev ? 'dev' : 'preview'], { stdio: 'inherit' })
process.exit(r.status ?? 1)
