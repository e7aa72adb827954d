// One shutdown per face. The first SIGINT, SIGTERM or SIGHUP starts the face's own shutdown
// (stop the runs, write the traces, close the server, quit the app), whatever the running
// scenario forked; a second one means "now": the children are SIGKILLed and the process exits.
// liveChildren's exit hook acts on a signal only when no coordinator listens (the last resort).
import { constants } from 'node:os'
import { killAllChildren } from '../child/liveChildren'

export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number]

/** The exit status a shell reports for a command ended by `signal` (130 for SIGINT). */
export function signalExitCode(signal: ShutdownSignal): number {
  return 128 + constants.signals[signal]
}

/** Where signals come from (the process; an emitter in tests). */
export interface SignalSource {
  on(signal: ShutdownSignal, listener: () => void): unknown
  off(signal: ShutdownSignal, listener: () => void): unknown
}

export interface ShutdownOptions {
  /** What the first signal does; by default shutdown(). (Electron quits the app instead, and
   *  its quit path calls shutdown().) */
  onSignal?: (signal: ShutdownSignal) => void
  /** Told about a step that failed (the next steps still run); stderr by default. */
  onError?: (err: unknown) => void
  source?: SignalSource
  /** Ends the process on a second signal (tests replace it). */
  exit?: (code: number) => void
}

export class ShutdownCoordinator {
  /** The first signal received, if any. */
  signal: ShutdownSignal | undefined
  /** Resolves with the first signal. */
  readonly signalled: Promise<ShutdownSignal>
  private readonly steps: (() => unknown)[] = []
  private running: Promise<void> | undefined
  private readonly listeners: [ShutdownSignal, () => void][]
  private readonly source: SignalSource
  private readonly onError: (err: unknown) => void

  constructor(opts: ShutdownOptions = {}) {
    this.source = opts.source ?? process
    this.onError = opts.onError ?? reportToStderr
    const exit = opts.exit ?? ((code: number) => process.exit(code))
    let signalled!: (signal: ShutdownSignal) => void
    this.signalled = new Promise((resolve) => (signalled = resolve))
    this.listeners = SHUTDOWN_SIGNALS.map((sig) => [
      sig,
      () => {
        if (this.signal !== undefined) {
          killAllChildren()
          exit(signalExitCode(sig))
          return
        }
        this.signal = sig
        signalled(sig)
        if (opts.onSignal) opts.onSignal(sig)
        else void this.shutdown()
      }
    ])
    for (const [sig, listener] of this.listeners) this.source.on(sig, listener)
  }

  /** Adds a step to the shutdown; steps run in the order added, each on its own (one that
   *  throws does not keep the next from running). Added once the shutdown has begun (the
   *  signal came while the face was still starting), it runs right after what is running. */
  add(step: () => unknown): this {
    if (this.running) this.running = this.running.then(() => this.runStep(step))
    else this.steps.push(step)
    return this
  }

  /** True once shutdown() has been called (by a signal or by the face). */
  get started(): boolean {
    return this.running !== undefined
  }

  /** Runs the steps, once: later calls wait for the same run, which never rejects. */
  shutdown(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps) await this.runStep(step)
    })()
    return this.running
  }

  private async runStep(step: () => unknown): Promise<void> {
    try {
      await step()
    } catch (err) {
      this.onError(err)
    }
  }

  /** Stops listening for signals (the face is done with them). */
  dispose(): void {
    for (const [sig, listener] of this.listeners) this.source.off(sig, listener)
  }
}

function reportToStderr(err: unknown): void {
  process.stderr.write(`poolscope: shutdown: ${err instanceof Error ? err.message : String(err)}\n`)
}
