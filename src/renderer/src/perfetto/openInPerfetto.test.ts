import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PerfettoEnv } from './openInPerfetto'
import { openInPerfetto, PERFETTO_ORIGIN, PerfettoError } from './openInPerfetto'

afterEach(() => vi.useRealTimers())

/** A stand-in for the Perfetto UI window: answers PONG after `pingsBeforePong` PINGs. */
function fakePerfetto(pingsBeforePong: number | null) {
  const host = new EventTarget()
  const posted: unknown[] = []
  const target = {
    closed: false,
    close: vi.fn(),
    postMessage: vi.fn((data: unknown, origin: string) => {
      expect(origin).toBe(PERFETTO_ORIGIN)
      posted.push(data)
      const pings = posted.filter((p) => p === 'PING').length
      if (data === 'PING' && pingsBeforePong !== null && pings === pingsBeforePong) {
        const ev = new MessageEvent('message', { data: 'PONG', origin: PERFETTO_ORIGIN })
        Object.defineProperty(ev, 'source', { value: target })
        host.dispatchEvent(ev)
      }
    })
  }
  const env: PerfettoEnv = {
    electron: false,
    open: vi.fn(() => target as unknown as Window),
    win: host as unknown as Window,
    timeoutMs: 1000
  }
  return { env, posted }
}

describe('openInPerfetto', () => {
  it('PINGs until PONG, then posts the trace buffer with its title', async () => {
    vi.useFakeTimers()
    const { env, posted } = fakePerfetto(3)
    const done = openInPerfetto(
      async () => new TextEncoder().encode('{"traceEvents":[]}').buffer,
      'my run',
      env
    )
    await vi.advanceTimersByTimeAsync(500)
    await done
    expect(env.open).toHaveBeenCalledWith(expect.stringContaining(PERFETTO_ORIGIN))
    expect(posted.slice(0, 3)).toEqual(['PING', 'PING', 'PING'])
    const last = posted.at(-1) as { perfetto: { buffer: ArrayBuffer; title: string } }
    expect(last.perfetto.title).toBe('my run')
    expect(new TextDecoder().decode(last.perfetto.buffer)).toBe('{"traceEvents":[]}')
  })

  it('says why it cannot work: Electron, a blocked popup, no answer', async () => {
    const electron = fakePerfetto(1).env
    await expect(
      openInPerfetto(async () => new ArrayBuffer(0), 't', { ...electron, electron: true })
    ).rejects.toEqual(new PerfettoError('electron'))
    const blocked = { ...fakePerfetto(1).env, open: () => null }
    await expect(
      openInPerfetto(async () => new ArrayBuffer(0), 't', blocked)
    ).rejects.toMatchObject({
      reason: 'blocked'
    })
    vi.useFakeTimers()
    const silent = fakePerfetto(null).env
    const done = openInPerfetto(async () => new ArrayBuffer(0), 't', silent)
    const check = expect(done).rejects.toMatchObject({ reason: 'no-answer' })
    await vi.advanceTimersByTimeAsync(1500)
    await check
    expect(silent.open('')?.close).toHaveBeenCalled()
  })
})
