// `npm test`: typecheck, lint, build, unit/component tests (vitest), end-to-end tests
// (Playwright in Debian's Chromium through serve mode; the Electron spec under xvfb-run when a
// display is needed). Runs every step, then prints one closing line with the totals.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const results = join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

function run(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${[cmd, ...args].join(' ')}\n`)
  // Windows runs npm and npx as .cmd files, which only a shell starts.
  const shell = process.platform === 'win32'
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell
  })
  const ok = r.status === 0
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`}\n`)
  return ok
}

const failedSteps = []
const step = (name, cmd, args, env) => run(name, cmd, args, env) || failedSteps.push(name)

step('typecheck', 'npm', ['run', '--silent', 'typecheck'])
step('lint', 'npm', ['run', '--silent', 'lint'])
step('electronegativity', 'node', ['scripts/electronegativity.mjs'])
const built = run('build', 'npx', ['electron-vite', 'build'])
if (!built) failedSteps.push('build')
step('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'vitest.json')}`
])
if (built) {
  const needsXvfb = !process.env.DISPLAY && hasCommand('xvfb-run')
  const pw = ['playwright', 'test']
  if (needsXvfb) step('playwright', 'xvfb-run', ['-a', 'npx', ...pw])
  else step('playwright', 'npx', pw)
}

// Totals from the runners' own JSON reports.
let passed = 0
let failed = 0
let skipped = 0
const vitest = readJson(join(results, 'vitest.json'))
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0)
}
const e2e = readJson(join(results, 'e2e.json'))
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0)
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
}
if (failedSteps.length) process.stdout.write(`\nfailed steps: ${failedSteps.join(', ')}\n`)
if (failedSteps.length && failed === 0) failed = failedSteps.length // a step failed outside the runners
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exit(failedSteps.length ? 1 : 0)

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
  } catch {
    return null
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}
