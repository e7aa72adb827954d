// Where the Electron binary is, or that it cannot be had: the npm package downloads it from
// GitHub on first use, which some networks block. Shared by `npm start` and `npm run dist`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')

/** The path of the Electron binary, or null when it is missing and cannot be downloaded. */
export function electronBinary() {
  // In a child: a failed download throws from require('electron') with a stack trace.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000
  })
  const path = probe.status === 0 ? probe.stdout : ''
  // ELECTRON_OVERRIDE_DIST_PATH gives a path without checking that anything is there.
  return path && existsSync(path) ? path : null
}

/** The unpacked Electron folder that holds `binary` (on macOS, the folder around Electron.app). */
export function electronDistDir(binary) {
  const app = binary.lastIndexOf('.app/')
  return app >= 0 ? dirname(binary.slice(0, app + 4)) : dirname(binary)
}

/** The binary's path; without one, says in one sentence that PoolScope cannot `what`, and exits 1. */
export function requireElectronBinary(what, instead) {
  const binary = electronBinary()
  if (binary) return binary
  console.error(
    `PoolScope cannot ${what} because the Electron binary could not be obtained ` +
      `(it is downloaded from GitHub on first use); ${instead}.`
  )
  process.exit(1)
}
