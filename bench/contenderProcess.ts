// The parent's side of bench/systemContender.ts: a contender in a child process, sent one
// command at a time and answered one line per command.
import { spawn } from 'node:child_process'
import type { ChildProcessByStdio } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildSync } from 'esbuild'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { Contender, Gcs } from './systemContender'

export interface Stopped {
  cpuUs: number
  /** The part of cpuUs on its main thread (the rest: V8's threads, the collector's helpers
   *  and the optimising compiler). */
  mainUs: number
  tickUs: number
  /** The median tick's CPU, µs: what a tick costs with the odd slow one (a collection, the
   *  host taking the core away mid-tick) left out. */
  tickMedianUs: number
  gcs: Gcs
}

/** The contender as one CommonJS bundle, built once per run (removed when the run ends). The
 *  app runs bundled too. Run through tsx instead, the first contender to load a file changed
 *  since tsx's last run compiled it with esbuild's synchronous API, which leaves a worker
 *  thread and an esbuild service pinging it for the life of that process: 2.5–3.3 ms of CPU a
 *  second under perf, charged to that one contender (ours, spawned first). */
let bundle: string | undefined
function contenderBundle(): string {
  if (bundle) return bundle
  const out = join(tmpdir(), `poolscope-contender-${process.pid}.cjs`)
  buildSync({
    entryPoints: [resolve(import.meta.dirname, 'systemContender.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // its "am I the entry point" test
    define: { 'import.meta.filename': '__filename' },
    logLevel: 'error'
  })
  process.once('exit', () => rmSync(out, { force: true }))
  return (bundle = out)
}

export interface Ticked {
  /** How many processes the sample listed. */
  listed: number
  /** The CPU the tick took, µs (all the contender's threads, as cpuUs). */
  us: number
}

export class ContenderProcess {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>
  private readonly lines: AsyncIterator<string>

  private constructor(readonly kind: Contender) {
    const root = resolve(import.meta.dirname, '..')
    // no loader: `--import tsx` added a loader thread with a V8 heap of its own, whose
    // start-up collections (up to 150 ms, --trace-gc) landed in the window at random
    this.child = spawn(process.execPath, [contenderBundle(), kind], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit']
    })
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]()
  }

  /** A contender started and warmed up. */
  static async spawn(kind: Contender): Promise<ContenderProcess> {
    const c = new ContenderProcess(kind)
    const first = await c.line()
    if (first !== 'ready') throw new Error(`contender ${kind} said ${first}, not ready`)
    return c
  }

  get pid(): number {
    return this.child.pid!
  }

  /** One sample: how many processes it listed, and its CPU. */
  async tick(): Promise<Ticked> {
    this.child.stdin.write('tick\n')
    const [listed, us] = (await this.line()).split(' ').map(Number) as [number, number]
    return { listed, us }
  }

  /** Opens the measured window. */
  async start(): Promise<void> {
    this.child.stdin.write('start\n')
    const ok = await this.line()
    if (ok !== 'ok') throw new Error(`contender ${this.kind} said ${ok} to start`)
  }

  /** Its garbage collections so far. */
  async gcs(): Promise<Gcs> {
    this.child.stdin.write('gcs\n')
    return JSON.parse(await this.line()) as Gcs
  }

  /** Its CPU time since start() (µs), the part of it inside ticks, its median tick, and its
   *  garbage collections; it ends. */
  async stop(): Promise<Stopped> {
    this.child.stdin.write('stop\n')
    return JSON.parse(await this.line()) as Stopped
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    const gone = once(this.child, 'exit')
    this.child.kill('SIGKILL')
    await gone
  }

  private async line(): Promise<string> {
    const next = await this.lines.next()
    if (next.done)
      throw new Error(`contender ${this.kind} ended early (exit ${this.child.exitCode})`)
    return next.value as string
  }
}
