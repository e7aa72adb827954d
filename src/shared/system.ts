// The whole machine as the explorer sees it: every process, not only PoolScope's own.
// Types and constants only (see DESIGN.md); the host fills them from /proc or a library.

/** Signals the explorer may send (to one process or to its whole subtree). */
export const EXPLORER_SIGNALS = ['SIGTERM', 'SIGKILL', 'SIGSTOP', 'SIGCONT'] as const
export type ExplorerSignal = (typeof EXPLORER_SIGNALS)[number]

/** One process of the machine at one instant. */
export interface SystemProcess {
  pid: number
  ppid: number
  /** Real user id; null where the platform does not say. */
  uid: number | null
  /** The user's name (the uid as text when it has none). */
  user: string
  /** One letter, as ps prints it: R running, S sleeping, D disk wait, Z zombie, T stopped, … */
  state: string
  threads: number | null
  /** % of one core over the last tick; null on a process's first tick ("no data yet"). */
  cpu: number | null
  /** CPU time since the process started, ms (htop's TIME+); null where the platform gives
   *  only a % (systeminformation). Absent from rows made by tests. */
  cpuTime?: number | null
  /** Resident memory, bytes (null when unreadable). */
  rss: number | null
  /** Wall-clock start, ms since the epoch (null when unknown). */
  startedAt: number | null
  /** Short name (the kernel's comm). */
  name: string
  /** The command line, or `[name]` for a kernel thread or a process whose line is hidden. */
  command: string
  /** Why some of these fields could not be read (another user's process, gone meanwhile). */
  unreadable?: string
}

/** The machine's processes at one tick of the explorer's sampler. */
export interface SystemSnapshot {
  /** Increases by one per tick: ask for `after: seq` to get the next one. */
  seq: number
  /** Wall-clock time of the tick, ms since the epoch. */
  at: number
  /** The host's own PID (signals to it are refused). */
  hostPid: number
  /** Who the host runs as (for "mine only"). */
  hostUid: number | null
  /** Which reader filled it: 'procfs' on Linux, 'systeminformation' elsewhere. */
  reader: string
  /** Busy % per core over the last tick; null where there is no data yet. */
  cores: (number | null)[]
  procs: SystemProcess[]
}

/** What the explorer's details pane shows; each field null with its reason when unreadable. */
export interface ProcessDetails {
  pid: number
  command: string | null
  /** The command line's arguments as the process has them (null where unreadable, or for a
   *  kernel thread): what "start it under PoolScope" reuses. */
  argv: string[] | null
  cwd: string | null
  exe: string | null
  /** Open file descriptors. */
  fds: number | null
  threads: number | null
  /** Field name → why it could not be read (e.g. "permission denied", "gone"). */
  errors: Record<string, string>
}

/** One process a signal was sent to, and how it went. */
export interface SignalOutcome {
  pid: number
  ok: boolean
  /** "permission denied", "gone", … */
  error?: string
}
