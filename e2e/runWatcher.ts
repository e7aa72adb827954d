// The test's own view of the host: a WebSocket client (with the serve token) that records
// every run's events, so what the UI shows can be checked against what the host emitted.
import WebSocket from 'ws'
import type { ChannelResponse } from '../src/shared/api'
import type { RunEvent } from '../src/shared/events'

export interface RunWatcher {
  events(runId: string): RunEvent[]
  /** Resolves once `runId` has ended, with all its events. */
  ended(runId: string, timeoutMs?: number): Promise<RunEvent[]>
  close(): void
}

export async function watchRuns(url: string): Promise<RunWatcher> {
  const u = new URL(url)
  const ws = new WebSocket(`ws://${u.host}/api?token=${u.searchParams.get('token')}`, {
    origin: u.origin
  })
  const byRun = new Map<string, RunEvent[]>()
  const waiters: (() => void)[] = []
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as ChannelResponse
    if (msg.kind !== 'batch') return
    const list = byRun.get(msg.batch.runId) ?? []
    list.push(...msg.batch.events)
    byRun.set(msg.batch.runId, list)
    waiters.splice(0).forEach((w) => w())
  })
  await new Promise<void>((ok, fail) => ws.once('open', () => ok()).once('error', fail))
  ws.send(JSON.stringify({ kind: 'subscribe' }))
  const events = (runId: string): RunEvent[] => byRun.get(runId) ?? []
  return {
    events,
    async ended(runId, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs
      while (!events(runId).some((e) => e.type === 'run.end')) {
        if (Date.now() > deadline)
          throw new Error(`run ${runId} did not end within ${timeoutMs} ms`)
        await new Promise<void>((r) => {
          waiters.push(r)
          setTimeout(r, 200)
        })
      }
      return events(runId)
    },
    close: () => ws.close()
  }
}
