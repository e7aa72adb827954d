// Reading Linux's /proc: which processes carry a host's tag (so that strays are found even
// after they were reparented), and whether a PID is alive (elsewhere: signal 0, which cannot
// tell a zombie from a live process).
import { readdirSync, readFileSync } from 'node:fs'
import { ENV_HOST_PID } from './protocol'

/**
 * Whether processesTaggedWith can find anything: only Linux lets a process read the environment
 * of others. Elsewhere it returns [] and callers must say that strays were not looked for.
 */
export function canFindTagged(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'linux'
}

/** PIDs of live processes started by PoolScope host `hostPid` (by their environment tag). */
export function processesTaggedWith(hostPid: number): number[] {
  if (!canFindTagged()) return []
  const tag = `${ENV_HOST_PID}=${hostPid}\0`
  const found: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      if (isZombie(Number(name))) continue
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(tag)) found.push(Number(name))
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found
}

/** Process state letter from /proc/<pid>/stat ('R', 'S', 'Z', …), or null if it is gone. */
export function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
  } catch {
    return null
  }
}

function isZombie(pid: number): boolean {
  return procState(pid) === 'Z'
}

export function isAlive(pid: number): boolean {
  if (process.platform !== 'linux') return answersSignalZero(pid)
  const s = procState(pid)
  return s !== null && s !== 'Z'
}

function answersSignalZero(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' // alive, not ours
  }
}
