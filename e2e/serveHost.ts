// Starts the headless host (`node out/main/cli.js serve --port 0`, or a given port) for a test, reads the URL it
// prints, and on stop checks that no process it started outlives it.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { processesTaggedWith } from '../src/main/core/procfs'

export interface ServeHost {
  url: string
  pid: number
  /** Stops the host with SIGTERM and returns PIDs of its processes still alive afterwards. */
  stop(): Promise<number[]>
}

/** `port`: 0 for any free one, or a given one (a host restarted where the page expects it);
 *  `args`: more of serve's options (`--allow-signals`). */
export async function startServeHost(port = 0, args: string[] = []): Promise<ServeHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve('out/main/cli.js'), 'serve', '--port', String(port), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`serve printed no URL: ${out}`)), 15_000)
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1]!)
      }
    })
    child.once('exit', (code) => fail(new Error(`serve exited early with code ${code}: ${out}`)))
  })
  const pid = child.pid!
  return {
    url,
    pid,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      // its children notice within a parent-watch period; allow for that
      for (let i = 0; i < 40; i++) {
        if (processesTaggedWith(pid).length === 0) break
        await new Promise((r) => setTimeout(r, 50))
      }
      return processesTaggedWith(pid)
    }
  }
}

/** PPID of a live process, from /proc on Linux, from ps or WMI elsewhere (null if it is gone). */
export async function ppidOf(pid: number): Promise<number | null> {
  if (process.platform !== 'linux') {
    const { default: pidusage } = await import('pidusage')
    return pidusage(pid).then(
      (s) => s.ppid,
      () => null
    )
  }
  const { readFile } = await import('node:fs/promises')
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'latin1')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return null
  }
}
