// Watching a Python program needs Linux: the launcher makes itself the program's subreaper and
// sets its parent-death signal with prctl, processes the shim cannot report are found in /proc,
// and the shim reaches the host over AF_UNIX, which Python's socket module lacks on Windows.

const NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows' }

/** Why `poolscope watch` cannot run on `platform`, or null where it can. */
export function watchUnavailable(platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'linux') return null
  return (
    `watching a Python program is not available on ${NAMES[platform] ?? platform}: it needs ` +
    'Linux (prctl, /proc); the scenarios run everywhere'
  )
}
