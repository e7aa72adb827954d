// Why a test cannot run on this platform ('' where it can), for skipIf(...) and for the skipped
// test's title, so that a run on macOS or Windows says what it left out and why.
import { canFindTagged } from '../src/main/core/procfs'

/** Reading other processes' environments and states in /proc: Linux only. */
export const NO_PROC = canFindTagged()
  ? ''
  : ` (skipped on ${process.platform}: needs Linux's /proc)`

/** Watching a Python program (launcher, shim socket, /proc scan): Linux only. */
export const NO_WATCH =
  process.platform === 'linux' ? '' : ` (skipped on ${process.platform}: watching needs Linux)`

/** A signal a process can catch (SIGTERM): Windows ends a process at once on any signal. */
export const NO_POSIX_SIGNALS =
  process.platform === 'win32' ? ' (skipped on Windows: needs POSIX signals)' : ''
