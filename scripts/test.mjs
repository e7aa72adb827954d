// `npm test`: typecheck, lint, build, unit/component tests (vitest), end-to-end tests
// (Playwright in Debian's Chromium through serve mode; the Electron spec under xvfb-run when a
// display is needed). Runs every step, then prints one closing line with the totals.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const started = Date.now()
const results = join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })
// Windows runs npm and npx as .cmd files, which only a shell starts.
const shell = process.platform === 'win32'
const failedSteps = []

function run(name, cmd, args) {
  process.stdout.write(`\n=== ${name}: ${[cmd, ...args].join(' ')}\n`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell })
  return report(name, r.status === 0, r.status ?? r.signal)
}

function report(name, ok, code) {
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${code})`}\n`)
  if (!ok) failedSteps.push(name)
  return ok
}

/** Runs a step beside others: its output is held and printed whole when it ends. */
function runHeld(name, cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env, shell })
    const out = []
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('close', (code, signal) => {
      process.stdout.write(`\n=== ${name}: ${[cmd, ...args].join(' ')}\n${Buffer.concat(out)}`)
      done(report(name, code === 0, code ?? signal))
    })
  })
}

const vitest = (project, more = []) => [
  'vitest',
  'run',
  `--project=${project}`,
  ...more,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, `vitest-${project}.json`)}`
]

/** Test files at a time: vitest's default is one on two cores, which leaves a core idle while
 *  a core test waits on its children or a component test on jsdom's set-up. */
const workers = Math.max(2, availableParallelism() - 1)

// The checks that measure nothing run side by side: typecheck, lint and electronegativity
// beside the build and then the page's component tests. The core's tests then run alone
// (`workers` at a time: 267 s one by one, 163 s two by two on this 2-core machine).
// Those that read CPU figures compare them with the process's own accounting (or, for gil,
// say "inconclusive" with the reason when cores were not free), so a neighbour cannot fail them.
// The end-to-end tests (frame figures) run last, alone.
const [, , , built] = await Promise.all([
  runHeld('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  runHeld('lint', 'npm', ['run', '--silent', 'lint']),
  runHeld('electronegativity', 'node', ['scripts/electronegativity.mjs']),
  runHeld('build', 'npx', ['electron-vite', 'build']).then(async (ok) => {
    await runHeld('vitest web', 'npx', vitest('web', [`--maxWorkers=${workers}`]))
    return ok
  })
])
run('vitest node', 'npx', vitest('node', [`--maxWorkers=${workers}`]))
if (built) {
  const needsXvfb = !process.env.DISPLAY && hasCommand('xvfb-run')
  const pw = ['playwright', 'test']
  if (needsXvfb) run('playwright', 'xvfb-run', ['-a', 'npx', ...pw])
  else run('playwright', 'npx', pw)
}

// Totals from the runners' own JSON reports.
let passed = 0
let failed = 0
let skipped = 0
for (const project of ['web', 'node']) {
  const vitest = readJson(join(results, `vitest-${project}.json`))
  if (!vitest) continue
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
const took = Math.round((Date.now() - started) / 1000)
process.stdout.write(
  `\n${passed} passed, ${failed} failed, ${skipped} skipped (${Math.floor(took / 60)} min ${took % 60} s)\n`
)
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
