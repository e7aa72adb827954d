// Builds out/ when it is missing or older than the sources, so that `npm run poolscope` always
// runs the current code. Build output goes to stderr: stdout belongs to the command (--json).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const stamp = join(root, 'out', 'main', 'cli.js')

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const sources = Math.max(
  newest(join(root, 'src')),
  statSync(join(root, 'electron.vite.config.ts')).mtimeMs
)
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  const r = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32' // npx is a .cmd file there
  })
  if (r.status !== 0) {
    process.stderr.write('poolscope: the build failed (see above)\n')
    process.exit(r.status ?? 1)
  }
}
