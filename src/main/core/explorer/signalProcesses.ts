// Signals for the explorer: to one process, or to a whole subtree. A subtree is frozen first
// (SIGSTOP, listed again until no new child appears), so nothing forks away or is reparented
// out of reach between the listing and the signal; then each member gets the signal, and a
// TERM is followed by CONT so that stopped processes receive it. PID 1 and the host itself
// are refused, whole subtrees that hold them too. Each target's outcome is reported.
import type { ExplorerSignal, SignalOutcome } from '../../../shared/system'
import { ApiError } from '../host/ApiError'

export interface ProcessLink {
  pid: number
  ppid: number
}

export interface SignalDeps {
  hostPid: number
  /** Every process of the machine now, with its parent. */
  list(): Promise<ProcessLink[]>
  kill?(pid: number, signal: ExplorerSignal): void
}

const FREEZE_ROUNDS = 5

export async function signalProcesses(
  target: { pid: number; signal: ExplorerSignal; subtree: boolean },
  deps: SignalDeps
): Promise<SignalOutcome[]> {
  const kill = deps.kill ?? ((pid: number, signal: ExplorerSignal) => process.kill(pid, signal))
  refuse(target.pid, deps.hostPid, target.pid)
  if (!target.subtree) return checked([send(target.pid, target.signal, kill)], target)
  const members = new Set<number>([target.pid])
  const freeze = target.signal !== 'SIGCONT'
  for (let round = 0; round < FREEZE_ROUNDS; round++) {
    const before = members.size
    for (const pid of descendants(target.pid, await deps.list(), members)) {
      refuse(pid, deps.hostPid, target.pid)
      members.add(pid)
    }
    if (freeze) members.forEach((pid) => tryKill(pid, 'SIGSTOP', kill))
    if (members.size === before && round > 0) break
  }
  const outcomes = [...members].map((pid) => send(pid, target.signal, kill))
  if (target.signal === 'SIGTERM' || target.signal === 'SIGKILL')
    members.forEach((pid) => tryKill(pid, 'SIGCONT', kill))
  return checked(outcomes, target)
}

/** Every descendant of `root` in `procs`, counting `known` members as in the tree. */
export function descendants(
  root: number,
  procs: readonly ProcessLink[],
  known = new Set<number>()
): number[] {
  const children = new Map<number, number[]>()
  for (const p of procs) {
    if (p.pid === p.ppid) continue
    const list = children.get(p.ppid)
    if (list) list.push(p.pid)
    else children.set(p.ppid, [p.pid])
  }
  const out: number[] = []
  const seen = new Set<number>([root])
  const stack = [root, ...known]
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      out.push(child)
      stack.push(child)
    }
  }
  return out
}

function refuse(pid: number, hostPid: number, asked: number): void {
  const via = pid === asked ? '' : ` (in the subtree of pid ${asked})`
  if (pid === 1) throw new ApiError('refused', `refused: pid 1 is the init process${via}`)
  if (pid === hostPid)
    throw new ApiError('refused', `refused: pid ${pid} is PoolScope's own process${via}`)
}

function send(
  pid: number,
  signal: ExplorerSignal,
  kill: (pid: number, s: ExplorerSignal) => void
): SignalOutcome {
  try {
    kill(pid, signal)
    return { pid, ok: true }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const error = code === 'EPERM' ? 'permission denied' : code === 'ESRCH' ? 'gone' : String(err)
    return { pid, ok: false, error }
  }
}

function tryKill(
  pid: number,
  signal: ExplorerSignal,
  kill: (pid: number, s: ExplorerSignal) => void
): void {
  send(pid, signal, kill)
}

/** All failed: one error that says why (the caller shows it as it is). */
function checked(
  outcomes: SignalOutcome[],
  target: { pid: number; signal: string }
): SignalOutcome[] {
  if (outcomes.some((o) => o.ok)) return outcomes
  const why = [...new Set(outcomes.map((o) => o.error))].join(', ')
  const code = outcomes.every((o) => o.error === 'gone') ? 'not-found' : 'failed'
  throw new ApiError(code, `${target.signal} to pid ${target.pid}: ${why}`)
}
