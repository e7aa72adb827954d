// Features that need Linux, and the one sentence that says so elsewhere. Watching a Python
// program (and so the lessons in CPython): the launcher makes itself the program's subreaper and sets its parent-death signal
// with prctl, processes the shim cannot report are found in /proc, and the shim reaches the host
// over AF_UNIX, which Python's socket module lacks on Windows. Attaching to a running tree: its
// spawns and exits are read from /proc/<pid>/task/*/children.

const FEATURES = {
  watch: ['watching a Python program', 'prctl, /proc'],
  lessons: ['running the lessons in CPython', 'prctl, /proc'],
  attach: ['attaching to a running process', '/proc/<pid>/task/*/children']
} as const
const NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows' }

/** Why `feature` cannot run on `platform`, or null where it can. */
export function unavailable(
  feature: keyof typeof FEATURES,
  platform: NodeJS.Platform = process.platform
): string | null {
  if (platform === 'linux') return null
  const [what, needs] = FEATURES[feature]
  return (
    `${what} is not available on ${NAMES[platform] ?? platform}: it needs Linux (${needs}); ` +
    'the scenarios run everywhere'
  )
}
