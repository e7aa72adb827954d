// The explorer's side of the host: the whole-machine sampler (created when first asked),
// process details, and signals (refused unless the face allows them: serve mode needs
// --allow-signals).
import type {
  ExplorerSignal,
  ProcessDetails,
  SignalOutcome,
  SystemSnapshot
} from '../../../shared/system'
import { ApiError } from '../host/ApiError'
import { signalProcesses } from './signalProcesses'
import type { SystemSamplerOptions } from './SystemSampler'
import { SystemSampler } from './SystemSampler'

export interface ExplorerOptions extends SystemSamplerOptions {
  /** Off unless a face turns it on: Electron does, serve only with --allow-signals (and
   *  tests that fuzz the API cannot signal the machine's processes by chance). */
  allowSignals?: boolean
}

export class Explorer {
  private sampler: SystemSampler | undefined
  readonly allowSignals: boolean

  constructor(private readonly opts: ExplorerOptions = {}) {
    this.allowSignals = opts.allowSignals ?? false
  }

  private get system(): SystemSampler {
    this.sampler ??= new SystemSampler(this.opts)
    return this.sampler
  }

  /** The first snapshot after `after` (see SystemSampler.next). */
  snapshot(after?: number): Promise<SystemSnapshot> {
    return this.system.next(after)
  }

  details(pid: number): Promise<ProcessDetails> {
    return this.system.reader.details(pid)
  }

  async signal(input: {
    pid: number
    signal: ExplorerSignal
    subtree: boolean
  }): Promise<SignalOutcome[]> {
    if (!this.allowSignals) {
      throw new ApiError(
        'refused',
        'refused: signals are off on this host (serve was started without --allow-signals)'
      )
    }
    const system = this.system
    return signalProcesses(input, {
      hostPid: system.hostPid,
      list: () => system.reader.readAll()
    })
  }

  close(): void {
    this.sampler?.close()
    this.sampler = undefined
  }
}
