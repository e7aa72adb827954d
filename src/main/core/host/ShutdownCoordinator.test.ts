import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { ShutdownSignal } from './ShutdownCoordinator'
import { ShutdownCoordinator, signalExitCode } from './ShutdownCoordinator'

/** A coordinator on a fake signal source; what it did is logged. */
function setup(onSignal?: (sig: ShutdownSignal) => void): {
  source: EventEmitter
  coord: ShutdownCoordinator
  log: string[]
} {
  const source = new EventEmitter()
  const log: string[] = []
  const coord = new ShutdownCoordinator({
    source,
    onSignal,
    onError: (err) => log.push(`error ${(err as Error).message}`),
    exit: (code) => log.push(`exit ${code}`)
  })
  return { source, coord, log }
}

describe('ShutdownCoordinator', () => {
  it('exit codes are 128 + the signal number', () => {
    expect(signalExitCode('SIGINT')).toBe(130)
    expect(signalExitCode('SIGTERM')).toBe(143)
    expect(signalExitCode('SIGHUP')).toBe(129)
  })

  it('the first signal runs the steps once, in order, past one that throws', async () => {
    const { source, coord, log } = setup()
    coord
      .add(async () => {
        await new Promise((r) => setTimeout(r, 5))
        log.push('stop runs')
      })
      .add(() => {
        throw new Error('trace broke')
      })
      .add(() => log.push('close'))
    expect(coord.started).toBe(false)
    source.emit('SIGTERM')
    expect(coord.signal).toBe('SIGTERM')
    await expect(coord.signalled).resolves.toBe('SIGTERM')
    await coord.shutdown() // the same run, not a second one
    expect(log).toEqual(['stop runs', 'error trace broke', 'close'])
  })

  it('a step added once the shutdown has begun still runs', async () => {
    const { source, coord, log } = setup()
    coord.add(() => log.push('a'))
    source.emit('SIGINT')
    coord.add(() => log.push('late'))
    await coord.shutdown()
    expect(log).toEqual(['a', 'late'])
  })

  it('onSignal replaces the default; a second signal is "now": exit 128 + n', async () => {
    const asked: ShutdownSignal[] = []
    const { source, coord, log } = setup((sig) => asked.push(sig))
    coord.add(() => log.push('step'))
    source.emit('SIGINT')
    expect(asked).toEqual(['SIGINT'])
    expect(coord.started).toBe(false) // the face decides (Electron: app.quit → shutdown())
    source.emit('SIGTERM')
    expect(log).toEqual(['exit 143'])
  })

  it('dispose stops listening', () => {
    const { source, coord } = setup()
    expect(source.listenerCount('SIGINT')).toBe(1)
    coord.dispose()
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) expect(source.listenerCount(sig)).toBe(0)
    source.emit('SIGINT')
    expect(coord.signal).toBeUndefined()
  })
})
