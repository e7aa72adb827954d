import { readdirSync } from 'node:fs'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { openPipe } from './Pipe'
import { Process } from './Process'
import type { SocketPairKind } from './socketPair'
import { socketPair, socketPairKind } from './socketPair'

const platform = process.platform
/** Runs `fn` (synchronously) as if on `p`: socketPairKind() reads process.platform. */
function as<T>(p: NodeJS.Platform, fn: () => T): T {
  Object.defineProperty(process, 'platform', { value: p })
  try {
    return fn()
  } finally {
    Object.defineProperty(process, 'platform', { value: platform })
  }
}
afterEach(() => expect(process.platform).toBe(platform))

function read(s: Socket): Promise<string> {
  return new Promise((resolve) => {
    s.once('data', (d) => resolve(d.toString()))
    s.resume()
  })
}

const ownTemp = () => readdirSync(tmpdir()).filter((f) => f.startsWith('ps-'))
// Abstract unix sockets exist on Linux only; the others work on Linux too, so all run here.
const kinds: SocketPairKind[] =
  platform === 'linux'
    ? ['abstract', 'file', 'tcp']
    : platform === 'win32'
      ? ['tcp']
      : ['file', 'tcp']

describe('socketPair', () => {
  it('picks abstract sockets on Linux, loopback TCP on Windows, a socket file elsewhere', () => {
    expect(socketPairKind('linux')).toBe('abstract')
    expect(socketPairKind('win32')).toBe('tcp')
    expect(socketPairKind('darwin')).toBe('file')
    expect(socketPairKind('freebsd')).toBe('file')
    expect(as('win32', () => socketPairKind())).toBe('tcp')
  })

  it.each(kinds)(
    '%s: a connected pair, both ends paused, bytes both ways; nothing left behind',
    async (kind) => {
      const before = ownTemp()
      const [a, b] = await socketPair('t', kind)
      expect(a.isPaused() && b.isPaused()).toBe(true)
      const atB = read(b)
      a.write('ping')
      expect(await atB).toBe('ping')
      const atA = read(a)
      b.write('pong')
      expect(await atA).toBe('pong')
      a.destroy()
      b.destroy()
      expect(ownTemp()).toEqual(before)
    }
  )

  it.each(kinds)(
    '%s: an end handed to a child carries a message to another child',
    async (kind) => {
      const fake: NodeJS.Platform = kind === 'tcp' ? 'win32' : kind === 'file' ? 'darwin' : 'linux'
      const [a, b] = await as(fake, () => openPipe({ name: 'p' }))
      const receiver = new Process({ task: 'pipeRecv', args: [a] })
      const sender = new Process({ task: 'pipeSend', args: [b, `over ${kind}`] })
      await Promise.all([receiver.start(), sender.start()])
      await Promise.all([receiver.join(), sender.join()])
      expect(receiver.result).toEqual([`over ${kind}`])
    }
  )
})
