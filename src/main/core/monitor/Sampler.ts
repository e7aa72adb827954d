// One sampler tick: the machine's cores and the given processes, read once and folded into
// the Machine and ProcessStats.
import { performance } from 'node:perf_hooks'
import { createProcReader } from './createProcReader'
import { Machine } from './Machine'
import type { ProcReader } from './ProcReader'
import type { ProcessRow } from './ProcessStats'
import { ProcessStats } from './ProcessStats'

export interface Snapshot {
  /** When it was taken (monotonic ms, performance.now()). */
  t: number
  /** Busy % per core over the last tick; null where there is no data yet. */
  cores: (number | null)[]
  /** The rows of the processes asked about, in the order asked. */
  procs: ProcessRow[]
}

export class Sampler {
  readonly machine = new Machine()
  readonly table = new ProcessStats()

  constructor(
    readonly reader: ProcReader = createProcReader(),
    private readonly clock: () => number = () => performance.now()
  ) {}

  async tick(pids: readonly number[]): Promise<Snapshot> {
    const readings = await this.reader.read(pids)
    const t = this.clock()
    const cores = this.machine.update()
    return { t, cores, procs: this.table.update(pids, readings, t) }
  }

  /** Drops `pid` from the table and the reader. */
  forget(pid: number): void {
    this.table.remove(pid)
    this.reader.forget(pid)
  }

  close(): void {
    this.reader.close()
    this.machine.close()
  }
}
