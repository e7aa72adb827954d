// `npm start`: build, then open the desktop app. Without the Electron binary (it is downloaded
// on first use) say so in one sentence and point to serve mode instead of a stack trace.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  timeout: 120_000
})
if (probe.status !== 0 || !probe.stdout) {
  console.error(
    'PoolScope cannot start its desktop window because the Electron binary could not be obtained ' +
      '(it is downloaded from GitHub on first use); run `npm run poolscope -- serve` and open the printed URL in a browser instead.'
  )
  process.exit(1)
}
const dev = process.argv.includes('--dev')
const bin = require.resolve('electron-vite/bin/electron-vite.js')
const r = spawnSync(process.execPath, [bin, dev ? 'dev' : 'preview'], { stdio: 'inherit' })
process.exit(r.status ?? 1)
