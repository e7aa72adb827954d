// Hands a Chrome trace to Perfetto UI with its postMessage protocol: open ui.perfetto.dev,
// send 'PING' until it answers 'PONG', then post {perfetto: {buffer, title}}.
// https://perfetto.dev/docs/visualization/deep-linking-to-perfetto-ui
export const PERFETTO_ORIGIN = 'https://ui.perfetto.dev'
const PING_MS = 100
export const PERFETTO_TIMEOUT_MS = 20_000

export type PerfettoFailure = 'electron' | 'blocked' | 'no-answer'

export class PerfettoError extends Error {
  constructor(readonly reason: PerfettoFailure) {
    super(`Perfetto: ${reason}`)
    this.name = 'PerfettoError'
  }
}

export interface PerfettoEnv {
  /** True in the Electron window, whose main process refuses new windows. */
  electron: boolean
  open(url: string): Window | null
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>
  timeoutMs?: number
}

/**
 * Opens Perfetto UI at once (a popup must open within the click), then fetches the trace and
 * posts it when Perfetto is ready. Rejects with a PerfettoError saying why it cannot work.
 */
export async function openInPerfetto(
  getTrace: () => Promise<ArrayBuffer>,
  title: string,
  env: PerfettoEnv
): Promise<void> {
  if (env.electron) throw new PerfettoError('electron')
  const target = env.open(`${PERFETTO_ORIGIN}/#!/?referrer=poolscope`)
  if (!target) throw new PerfettoError('blocked')
  const buffer = await getTrace()
  await new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const done = (err?: Error): void => {
      clearInterval(timer)
      env.win.removeEventListener('message', onMessage)
      if (err) reject(err)
      else resolve()
    }
    const onMessage = (e: MessageEvent): void => {
      if (e.origin !== PERFETTO_ORIGIN || e.source !== target || e.data !== 'PONG') return
      target.postMessage({ perfetto: { buffer, title } }, PERFETTO_ORIGIN, [buffer])
      done()
    }
    const timer = setInterval(() => {
      if (target.closed || Date.now() - started > (env.timeoutMs ?? PERFETTO_TIMEOUT_MS)) {
        // Leave no dead error page behind.
        if (!target.closed) target.close()
        done(new PerfettoError('no-answer'))
        return
      }
      target.postMessage('PING', PERFETTO_ORIGIN)
    }, PING_MS)
    env.win.addEventListener('message', onMessage)
  })
}
