// The whole machine where there is no /proc (macOS, Windows): systeminformation, a kept
// library without dependencies that lists every process with parent, user, state, start
// time, command line and RSS on both (ps-list has no user or state on Windows and ships a
// binary). It reports CPU as a % rather than running totals, so cpuTime is null here.
import os from 'node:os'
import type { ProcessDetails } from '../../../shared/system'
import type { Systeminformation } from 'systeminformation'
import type { SystemReader, SystemReading } from './SystemReader'

/** systeminformation's state words → ps's letters. */
const STATE_LETTERS: Record<string, string> = {
  running: 'R',
  sleeping: 'S',
  blocked: 'D',
  stopped: 'T',
  zombie: 'Z'
}

type ProcessList = () => Promise<Systeminformation.ProcessesData>

export class SiSystemReader implements SystemReader {
  readonly kind = 'systeminformation'
  private list: Promise<ProcessList> | undefined

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  async readAll(): Promise<SystemReading[]> {
    // Loaded only where it is used (not on Linux).
    this.list ??= import('systeminformation').then((si) => si.processes)
    const { list } = await (await this.list)()
    // Windows reports a share of the whole machine; ps (macOS) a share of one core.
    const scale = this.platform === 'win32' ? os.cpus().length : 1
    return list.map((p) => {
      const started = Date.parse(p.started.replace(' ', 'T'))
      return {
        pid: p.pid,
        ppid: p.parentPid,
        uid: null,
        user: p.user || '?',
        state: STATE_LETTERS[p.state] ?? '?',
        threads: null,
        cpuTime: null,
        cpu: Number.isFinite(p.cpu) ? p.cpu * scale : null,
        rss: Number.isFinite(p.memRss) ? p.memRss * 1024 : null,
        startedAt: Number.isFinite(started) ? started : null,
        name: p.name,
        command: [p.command, p.params].filter(Boolean).join(' ') || `[${p.name}]`
      }
    })
  }

  async details(pid: number): Promise<ProcessDetails> {
    const p = (await this.readAll()).find((r) => r.pid === pid)
    const why = p ? 'not available on this platform' : 'gone'
    return {
      pid,
      command: p?.command ?? null,
      argv: null,
      cwd: null,
      exe: null,
      fds: null,
      threads: null,
      errors: { ...(p ? {} : { command: why }), cwd: why, exe: why, fds: why, threads: why }
    }
  }

  close(): void {}
}
